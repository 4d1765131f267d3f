-- Tags of the IOC Console's street map: which OSM objects become which vector-tile layer.
-- Kept small on purpose: what an operator orients by (roads with their numbers, water, places,
-- buildings up close), not a general-purpose map. Layer and attribute names are the style's
-- contract (renderer/src/views/map/street-style.ts) and the tests'.

node_keys = { "place" }

local PLACE_CLASSES = { city = 10, town = 10, suburb = 12, quarter = 12, village = 12, neighbourhood = 13, hamlet = 13, locality = 14, isolated_dwelling = 14 }

local ROAD_CLASSES = {
  motorway = "motorway", motorway_link = "motorway",
  trunk = "trunk", trunk_link = "trunk",
  primary = "primary", primary_link = "primary",
  secondary = "secondary", secondary_link = "secondary",
  tertiary = "tertiary", tertiary_link = "tertiary",
  residential = "minor", unclassified = "minor", living_street = "minor", road = "minor",
  service = "service", track = "path", footway = "path", path = "path", cycleway = "path", pedestrian = "path", steps = "path"
}
-- Wide roads from the city view on, the rest as the operator zooms in.
local ROAD_MINZOOM = { motorway = 10, trunk = 10, primary = 10, secondary = 11, tertiary = 12, minor = 13, service = 14, path = 14 }

local LANDUSE_CLASSES = {
  residential = "residential", industrial = "industrial", commercial = "commercial", retail = "commercial",
  forest = "wood", farmland = "farmland", meadow = "grass", grass = "grass", cemetery = "cemetery", quarry = "industrial"
}

function init_function()
end

function exit_function()
end

local function set_name(obj)
  local name = obj:Find("name")
  if name ~= "" then obj:Attribute("name", name) end
end

function node_function(node)
  local place = node:Find("place")
  local minzoom = PLACE_CLASSES[place]
  if minzoom ~= nil and node:Find("name") ~= "" then
    node:Layer("place", false)
    node:Attribute("class", place)
    set_name(node)
    node:MinZoom(minzoom)
  end
end

function way_function(way)
  local highway = way:Find("highway")
  local railway = way:Find("railway")
  local waterway = way:Find("waterway")
  local natural = way:Find("natural")
  local landuse = way:Find("landuse")
  local leisure = way:Find("leisure")
  local building = way:Find("building")
  local boundary = way:Find("boundary")
  local closed = way:IsClosed()

  local road_class = ROAD_CLASSES[highway]
  if road_class ~= nil and way:Find("area") ~= "yes" then
    way:Layer("road", false)
    way:Attribute("class", road_class)
    local ref = way:Find("ref")
    if ref ~= "" then way:Attribute("ref", ref) end
    set_name(way)
    way:MinZoom(ROAD_MINZOOM[road_class])
    return
  end

  if railway == "rail" or railway == "light_rail" or railway == "narrow_gauge" then
    way:Layer("railway", false)
    way:Attribute("class", railway)
    set_name(way)
    return
  end

  if waterway == "river" or waterway == "stream" or waterway == "canal" or waterway == "drain" then
    way:Layer("waterway", false)
    way:Attribute("class", waterway)
    set_name(way)
    if waterway ~= "river" and waterway ~= "canal" then way:MinZoom(13) end
    return
  end

  if closed and (natural == "water" or waterway == "riverbank" or landuse == "reservoir" or landuse == "basin") then
    way:Layer("water", true)
    set_name(way)
    return
  end

  if boundary == "administrative" then
    local level = tonumber(way:Find("admin_level"))
    if level ~= nil and level >= 4 and level <= 8 then
      way:Layer("boundary", false)
      way:AttributeNumeric("admin_level", level)
    end
    return
  end

  if closed and building ~= "" then
    way:Layer("building", true)
    return
  end

  local landuse_class = LANDUSE_CLASSES[landuse] or LANDUSE_CLASSES[natural]
  if landuse_class == nil and (leisure == "park" or leisure == "pitch") then landuse_class = "park" end
  if closed and landuse_class ~= nil then
    way:Layer("landuse", true)
    way:Attribute("class", landuse_class)
  end
end

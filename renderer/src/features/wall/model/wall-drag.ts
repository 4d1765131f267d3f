/** Drag-and-drop payload types on the wall (custom MIME types, so nothing else drops onto a tile by accident). */
export const CAMERA_DRAG_TYPE = "application/x-ioc-camera";
export const TILE_DRAG_TYPE = "application/x-ioc-tile";

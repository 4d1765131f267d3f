import type { Migration } from "./types.js";

/**
 * Domain samples (one per domain, ward and hour) are read by period and dropped past the
 * retention period: both look them up by their hour, which this index keeps in order.
 */
export const migration004: Migration = {
  version: 4,
  name: "domain-samples-by-hour",
  up(db) {
    db.exec(`
      CREATE INDEX entities_domain_samples_by_hour
        ON entities (json_extract(data, '$.domain'), json_extract(data, '$.hour'))
        WHERE kind = 'domain_sample';
    `);
  },
};

/** A store whose audit head this key did not MAC is refused: the wrong key, or a forged head. */
export class AuditKeyMismatchError extends Error {
  constructor() {
    super("The audit key does not match this store's audit trail: it is not the key this store was written with, or the trail's head was tampered with. Start with the right key (--audit-key-file / IOC_AUDIT_KEY) and run npm run audit:verify.");
    this.name = "AuditKeyMismatchError";
  }
}

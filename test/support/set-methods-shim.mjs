// Preloaded (node --import) into gitlab-ci-local on Node 20 only: its bundle calls the Set methods that Node 22
// added (union, difference, ...). Each one here does what the ECMAScript 2025 method does for the Sets it is
// given; nothing is replaced where Node already has it.
const methods = {
  union(other) {
    return new Set([...this, ...other.keys()]);
  },
  intersection(other) {
    return new Set([...this].filter((item) => other.has(item)));
  },
  difference(other) {
    return new Set([...this].filter((item) => !other.has(item)));
  },
  symmetricDifference(other) {
    const result = new Set(this);
    for (const item of other.keys()) {
      if (this.has(item)) result.delete(item);
      else result.add(item);
    }
    return result;
  },
  isSubsetOf(other) {
    return [...this].every((item) => other.has(item));
  },
  isSupersetOf(other) {
    return [...other.keys()].every((item) => this.has(item));
  },
  isDisjointFrom(other) {
    return [...this].every((item) => !other.has(item));
  },
};
for (const [name, method] of Object.entries(methods)) {
  if (!(name in Set.prototype)) {
    Object.defineProperty(Set.prototype, name, { value: method, writable: true, configurable: true });
  }
}

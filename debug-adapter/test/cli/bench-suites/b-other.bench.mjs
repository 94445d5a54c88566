// A second fixture suite, to check that suites run in name order and that the filter selects.
export async function run(emit) {
  emit({ name: 'other.only', unit: 'us', value: 0.0004 });
}

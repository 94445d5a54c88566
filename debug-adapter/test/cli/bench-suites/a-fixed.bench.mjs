// A benchmark-shaped fixture for the runner's tests: fixed metrics, measured nothing.
export async function run(emit) {
  emit({ name: 'fixture.first', unit: 'ms', value: 1.23456 });
  emit({ name: 'fixture.second', unit: 'ratio', value: 2 });
}

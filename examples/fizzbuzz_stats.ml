// Pure computation: FizzBuzz with a tally, closures and higher-order functions. No capabilities.
import functional;
import json;

function label(n) {
  if (n % 15 == 0) {
    return "FizzBuzz";
  } elif (n % 3 == 0) {
    return "Fizz";
  } elif (n % 5 == 0) {
    return "Buzz";
  }
  return str(n);
}

function counter() {
  seen = {};
  total = 0;
  function add(key) {
    nonlocal total;
    total = total + 1;
    seen[key] = json.get(seen, key, 0) + 1;
    return {counts: seen, total: total};
  }
  return add;
}

tally = counter();
labels = functional.map(label, range(1, 31));
for (l in labels) {
  if (l == "Fizz" || l == "Buzz" || l == "FizzBuzz") {
    tally(l);
  }
}
print(" ".join(labels));
print("tally:", tally("FizzBuzz"));

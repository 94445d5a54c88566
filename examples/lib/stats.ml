// A user module: small statistics helpers, imported by grades.ml as `import lib.stats as stats;`.
function mean(xs) {
  if (len(xs) == 0) {
    return null;
  }
  return sum(xs) / len(xs);
}

function median(xs) {
  s = sorted(xs);
  n = len(s);
  if (n == 0) {
    return null;
  }
  if (n % 2 == 1) {
    return s[n // 2];
  }
  return (s[n // 2 - 1] + s[n // 2]) / 2;
}

function spread(xs) {
  return max(xs) - min(xs);
}

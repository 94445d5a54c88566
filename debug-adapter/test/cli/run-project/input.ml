// Reads two lines from standard input, then hits the end of input.
first = input("first? ");
second = input();
print("got", first, "and", second);
try {
  input();
} except (e) {
  print("then:", str(e));
}

// Prints, then waits for a line of input, then prints again: shows that output is streamed.
print("ready");
answer = input();
print("got " + answer);

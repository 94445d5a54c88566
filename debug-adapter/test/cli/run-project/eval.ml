// Uses a code-evaluation name: refused by SEC001 before it runs.
print("never printed");
x = eval("1 + 1");

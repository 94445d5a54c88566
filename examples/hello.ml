// Hello world: needs nothing beyond the default grant (console:write).
name = "sandbox";
print("Hello from the " + name + "!");

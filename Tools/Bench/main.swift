// The storage benchmark: see Tools/bench.
print("cledger-bench: not built yet")

import ArgumentParser
import LinearAlgebra

print("rnnlab: \(BLASInfo.coreName)")

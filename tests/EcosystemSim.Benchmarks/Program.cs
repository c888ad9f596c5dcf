using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(EcosystemSim.Benchmarks.HouseholdStepBenchmark).Assembly).Run(args);

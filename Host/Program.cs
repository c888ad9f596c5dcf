using EcosystemSim.Host.Cli;

using var guard = ProcessGuard.Install(Console.Error);
return await EcosimCli.RunAsync(args, Console.Out, Console.Error, guard.Token);

using EcosystemSim.Host.Cli;

return await EcosimCli.RunAsync(args, Console.Out, Console.Error);

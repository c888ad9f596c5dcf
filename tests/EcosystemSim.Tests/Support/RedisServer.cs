using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace EcosystemSim.Tests.Support;

/// <summary>
/// A throw-away Debian redis-server on a free loopback port, with no persistence, for the cluster
/// tests' membership. The README's `dotnet test` does all set-up: when redis-server is missing it is
/// installed with apt-get, as `.ci/run` does; when that is impossible the test fails saying so.
/// Stopped (SIGTERM, then killed after 5 s) when disposed.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>How long redis-server may take to accept connections: it starts in milliseconds; a busy machine gets slack.</summary>
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static string? _path;

    private readonly Process _process;

    private RedisServer(Process process, int port, string? password)
    {
        _process = process;
        Port = port;
        Password = password;
    }

    public int Port { get; }

    public string? Password { get; }

    /// <summary>The address `--cluster` takes, password included.</summary>
    public string Url => $"redis://127.0.0.1:{Port}" + (Password is null ? "" : $"?password={Password}");

    /// <summary>Starts a server, with a password if one is given, and waits until it accepts connections.</summary>
    public static async Task<RedisServer> StartAsync(string? password = null)
    {
        string executable = await PathAsync();
        int port = FreePort();
        string[] command = [executable, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];
        if (password is not null) command = [.. command, "--requirepass", password];
        var process = Process.Start(SiloProcess.Tethered(SiloProcess.SigTerm, command))!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var server = new RedisServer(process, port, password);
        var clock = Stopwatch.StartNew();
        while (!await server.AcceptsAsync())
        {
            if (process.HasExited || clock.Elapsed > StartTimeout)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"redis-server did not start on port {port} within {StartTimeout.TotalSeconds:0} s");
            }
            await Task.Delay(50);
        }
        return server;
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await SiloProcess.StopAsync(_process, SiloProcess.SigTerm, TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>redis-server's executable, installed first if need be.</summary>
    private static async Task<string> PathAsync()
    {
        await Once.WaitAsync();
        try
        {
            return _path ??= Find() ?? await InstallAsync();
        }
        finally
        {
            Once.Release();
        }
    }

    private static string? Find() => new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists);

    private static Task<string> InstallAsync() => DebianPackage.InstallAsync("redis-server", Find, "the cluster tests");
}

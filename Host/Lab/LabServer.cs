using System.Net;
using System.Security.Cryptography;
using System.Text;
using EcosystemSim.Engine.Engines;
using EcosystemSim.Engine.Experiments;
using EcosystemSim.Host.Cli;
using EcosystemSim.Scenarios.Loading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serilog.Extensions.Logging;

namespace EcosystemSim.Host.Lab;

/// <summary>
/// `ecosim serve`: the embedded silo (or a client of the cluster of --cluster) and an ASP.NET Core app on loopback with the lab's page and
/// API (docs/api.md, docs/lab.md). Every API call needs the token printed with the address.
/// </summary>
public static class LabServer
{
    /// <summary>The cookie the page's address sets, for the page's own GET calls (event streams, downloads).</summary>
    public const string CookieName = "ecosim_lab";

    /// <summary>The largest request body: a scenario's text and a little more.</summary>
    public const long MaxBodyBytes = ScenarioLoader.MaxFileBytes + 64 * 1024;

    /// <summary>How often idle runs are looked for.</summary>
    private static readonly TimeSpan ExpiryInterval = TimeSpan.FromSeconds(30);

    public static async Task<int> ServeAsync(LabOptions options, Serilog.ILogger log, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var address = Address(options.Bind);
        await using var orleans = options.Cluster is { } cluster
            ? await EngineHost.ConnectAsync(cluster, options.ClusterId, log, cancellationToken)
            : await EngineHost.StartAsync(EngineKind.Orleans, log, cancellationToken);
        var experiments = new Dictionary<EngineKind, Experiment>
        {
            [EngineKind.Orleans] = new(orleans, log),
            [EngineKind.InProcess] = new(EngineHost.InProcess, log),
        };
        await using var runs = new LabRuns(options, kind => experiments[kind], log);
        string token = Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var app = Build(options, address, runs, token, log);
        await app.StartAsync(cancellationToken);
        int port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        string host = IPAddress.IsLoopback(address) ? "127.0.0.1" : address.Equals(IPAddress.Any) ? Dns.GetHostName() : address.ToString();
        await stdout.WriteLineAsync($"http://{(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && !IPAddress.IsLoopback(address) ? $"[{host}]" : host)}:{port}/?token={token}");
        await stdout.FlushAsync(cancellationToken);
        if (!IPAddress.IsLoopback(address))
        {
            await stderr.WriteLineAsync($"ecosim: WARNING: the lab listens on {address}, not only on this computer: anyone who can reach it and has the token can run simulations here");
        }
        log.Information("The lab is at http://{Host}:{Port}/ (token on stdout); Ctrl-C stops it", host, port);
        using var expiry = new PeriodicTimer(ExpiryInterval);
        try
        {
            while (await expiry.WaitForNextTickAsync(cancellationToken)) await runs.ExpireAsync(DateTimeOffset.UtcNow);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: stop below
        }
        log.Information("Stopping the lab");
        // Runs first: that ends the pages' event streams, which would otherwise hold the server's stop until its timeout.
        await runs.DisposeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await app.StopAsync(timeout.Token);
        return ExitCodes.Success;
    }

    /// <summary>The address to listen on: an IP address, or localhost.</summary>
    public static IPAddress Address(string bind) =>
        bind == "localhost" ? IPAddress.Loopback
        : IPAddress.TryParse(bind, out var ip) ? ip
        : throw new UsageException($"--bind: '{bind}' is not an IP address (use 127.0.0.1 for this computer only, 0.0.0.0 for every interface)");

    private static WebApplication Build(LabOptions options, IPAddress address, LabRuns runs, string token, Serilog.ILogger log)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "ecosim", Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSingleton<IHostLifetime, ProcessOwnedLifetime>();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new SerilogLoggerProvider(log));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, options.Port);
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        app.Use(Guard(token, IPAddress.IsLoopback(address), log));
        MapPage(app, token);
        LabEndpoints.Map(app, runs);
        app.MapFallback(context => Error(context, StatusCodes.Status404NotFound, $"nothing at {context.Request.Path}"));
        return app;
    }

    /// <summary>
    /// Every request: headers that keep the page to itself, the Host check that defeats DNS rebinding
    /// on loopback, the token on /api/*, and errors as JSON with their codes.
    /// </summary>
    private static Func<HttpContext, RequestDelegate, Task> Guard(string token, bool loopback, Serilog.ILogger log) => async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'";
        if (loopback && !IsLoopbackName(context.Request.Host.Host))
        {
            await Error(context, StatusCodes.Status400BadRequest, $"this server answers only to 127.0.0.1, localhost or [::1], not '{context.Request.Host.Host}'");
            return;
        }
        if (context.Request.Path.StartsWithSegments("/api") && !Authorised(context.Request, token))
        {
            await Error(context, StatusCodes.Status401Unauthorized,
                "this call needs the lab's token: open the address 'ecosim serve' printed (it ends in ?token=...), or send 'Authorization: Bearer TOKEN'; changes need the header");
            return;
        }
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && Status(e) is { } status)
        {
            await Error(context, status, e.Message, (e as LabBadRequestException)?.Problems ?? (e as ScenarioException)?.Problems);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // the caller went away
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            log.Error(e, "Lab call {Method} {Path} failed", context.Request.Method, context.Request.Path);
            await Error(context, StatusCodes.Status500InternalServerError, $"the call failed: {Cli.ProcessGuard.Describe(e)}");
        }
    };

    private static int? Status(Exception e) => e switch
    {
        LabBadRequestException or ScenarioException or BadHttpRequestException => StatusCodes.Status400BadRequest,
        LabNotFoundException => StatusCodes.Status404NotFound,
        LabConflictException => StatusCodes.Status409Conflict,
        LabTooManyException => StatusCodes.Status429TooManyRequests,
        _ => null,
    };

    /// <summary>The header on any call; the cookie on calls that change nothing (another site's page cannot send the header).</summary>
    private static bool Authorised(HttpRequest request, string token)
    {
        string? header = request.Headers.Authorization.FirstOrDefault();
        if (header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal)) return Same(header["Bearer ".Length..].Trim(), token);
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
               && request.Cookies.TryGetValue(CookieName, out string? cookie) && Same(cookie, token);
    }

    private static bool Same(string given, string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token));

    private static bool IsLoopbackName(string host) =>
        host is "localhost" or "127.0.0.1" or "[::1]" or "::1" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>The page and its script and style, from the assembly (it works offline).</summary>
    private static void MapPage(WebApplication app, string token)
    {
        app.MapGet("/", (HttpContext context) =>
        {
            if (context.Request.Query["token"].FirstOrDefault() is { } given && Same(given, token))
            {
                context.Response.Cookies.Append(CookieName, token, new CookieOptions
                {
                    HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true,
                });
            }
            return Resource(context, "index.html", "text/html; charset=utf-8");
        });
        app.MapGet("/index.html", (HttpContext context) => Resource(context, "index.html", "text/html; charset=utf-8"));
        app.MapGet("/lab.js", (HttpContext context) => Resource(context, "lab.js", "text/javascript; charset=utf-8"));
        app.MapGet("/lab.css", (HttpContext context) => Resource(context, "lab.css", "text/css; charset=utf-8"));
    }

    private static async Task Resource(HttpContext context, string name, string contentType)
    {
        await using var stream = typeof(LabServer).Assembly.GetManifestResourceStream($"lab/{name}");
        if (stream is null)
        {
            await Error(context, StatusCodes.Status404NotFound, $"the page's {name} is missing from this build");
            return;
        }
        context.Response.ContentType = contentType;
        context.Response.Headers.CacheControl = "no-store";
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static Task Error(HttpContext context, int status, string message, IEnumerable<ScenarioProblem>? problems = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(LabJson.Text(LabJson.Error(message, problems)), context.RequestAborted);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace EcosystemSim.Engine.Engines;

/// <summary>
/// Where a cluster's membership lives: <c>redis://HOST[:PORT][?password=SECRET]</c>, as given to
/// `ecosim silo --cluster` and `ecosim run --cluster`. The password is kept for the connection and
/// nowhere else: <see cref="Masked"/> is what logs, messages and manifests show.
/// </summary>
public sealed partial class ClusterAddress
{
    /// <summary>Redis' own default port, used when the address names none.</summary>
    public const int DefaultRedisPort = 6379;

    /// <summary>
    /// How long one attempt to reach Redis may take (StackExchange.Redis' default is 5 s): a Redis on
    /// the same network answers in milliseconds, so 5 s means it is not there, and the caller's own
    /// deadline (a silo's start, a client's connection) decides whether to try again.
    /// </summary>
    public const int RedisConnectTimeoutMs = 5_000;

    /// <summary>What the addresses look like, for messages.</summary>
    public const string Form = "redis://HOST:PORT[?password=...]";

    private ClusterAddress(string host, int port, string? password)
    {
        Host = host;
        Port = port;
        Password = password;
    }

    /// <summary>Redis' host name or address.</summary>
    public string Host { get; }

    /// <summary>Redis' port.</summary>
    public int Port { get; }

    /// <summary>Redis' password (AUTH), or null: never to be logged or written.</summary>
    private string? Password { get; }

    /// <summary>The address for logs and manifests: the password, if any, replaced by ***.</summary>
    public string Masked => $"redis://{HostForUri}:{Port}" + (Password is null ? "" : "?password=***");

    /// <summary>The address as written, never with its password (records print this).</summary>
    public override string ToString() => Masked;

    /// <summary>
    /// The address in <paramref name="text"/>; a <see cref="FormatException"/> with a one-line reason
    /// (which never repeats a password) when it is not one.
    /// </summary>
    public static ClusterAddress Parse(string text)
    {
        string shown = Shown(text);
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || !uri.Scheme.Equals("redis", StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException($"'{shown}' is not a Redis address: expected {Form}");
        }
        if (uri.UserInfo.Length > 0) throw new FormatException($"'{shown}': give the password as ?password=..., not before the host");
        if (uri.AbsolutePath is not ("" or "/") || uri.Fragment.Length > 0) throw new FormatException($"'{shown}': expected {Form}, with nothing after the port but ?password=");
        if (uri.IdnHost.Length == 0) throw new FormatException($"'{shown}' names no host: expected {Form}");
        string? password = null;
        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = pair.Split('=', 2);
            if (kv[0] != "password" || kv.Length != 2 || password is not null)
            {
                throw new FormatException($"'{shown}': the only setting after '?' is password=..., once");
            }
            password = Uri.UnescapeDataString(kv[1]);
        }
        int port = uri.IsDefaultPort || uri.Port < 0 ? DefaultRedisPort : uri.Port;
        return new ClusterAddress(uri.IdnHost, port, string.IsNullOrEmpty(password) ? null : password);
    }

    /// <summary>
    /// A malformed address as a message may repeat it: nothing after '?' and nothing before '@', where a
    /// password (or a mistyped one) would be.
    /// </summary>
    private static string Shown(string text)
    {
        string shown = text.Trim();
        int query = shown.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0) shown = shown[..query] + "?...";
        int at = shown.LastIndexOf('@'), scheme = shown.IndexOf("://", StringComparison.Ordinal);
        if (at >= 0) shown = (scheme >= 0 && scheme < at ? shown[..(scheme + 3)] : "") + "***" + shown[at..];
        return shown;
    }

    /// <summary><paramref name="text"/> with every <c>password=...</c> value replaced by ***: for command lines and messages.</summary>
    public static string MaskPasswords(string text) => PasswordValue().Replace(text, "${key}***");

    /// <summary><paramref name="message"/> without this address's password, should a library have repeated it.</summary>
    public string Scrub(string message) =>
        Password is null ? message : message.Replace(Password, "***", StringComparison.Ordinal);

    /// <summary>The StackExchange.Redis settings for this address: fail an attempt after <see cref="RedisConnectTimeoutMs"/>.</summary>
    public ConfigurationOptions RedisOptions()
    {
        var options = new ConfigurationOptions
        {
            Password = Password,
            AbortOnConnectFail = true,
            ConnectTimeout = RedisConnectTimeoutMs,
            ConnectRetry = 1,
            ClientName = "ecosim",
        };
        options.EndPoints.Add(Host, Port);
        return options;
    }

    private string HostForUri => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;

    [GeneratedRegex(@"(?<key>password=)[^&\s]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordValue();
}

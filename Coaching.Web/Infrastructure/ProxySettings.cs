using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Coaching.Web.Infrastructure;

/// <summary>
/// Behind a TLS-terminating proxy or load balancer the app sees plain http from the proxy's address. It believes
/// X-Forwarded-Proto/-For only from the proxies listed in ForwardedHeaders:KnownProxies (addresses) and
/// ForwardedHeaders:KnownNetworks (CIDR), besides loopback; from anyone else the headers are ignored, so a client
/// cannot claim https (and get Secure cookies over http) or pose as another address to the sign-in limits.
/// </summary>
public static class ProxySettings
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration config) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = config.GetValue("ForwardedHeaders:ForwardLimit", 1);
            foreach (var address in Values(config.GetSection("ForwardedHeaders:KnownProxies")))
                o.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in Values(config.GetSection("ForwardedHeaders:KnownNetworks")))
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });

    // Accepts both an array (appsettings.json, KnownProxies__0=...) and one comma-separated value (KnownProxies=a,b).
    static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? ""))
        .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

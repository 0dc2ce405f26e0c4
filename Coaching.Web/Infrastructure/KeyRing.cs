using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Coaching.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Coaching.Web.Infrastructure;

/// <summary>
/// The key ring that protects sign-in cookies, antiforgery tokens and invitation links. It lives in the database, so
/// every web node and every restart shares it. In production its keys are encrypted at rest with a certificate
/// (DataProtection:Certificate:Path, a PFX file, and :Password); certificates being retired are listed under
/// DataProtection:PreviousCertificates, so keys they encrypted can still be read after the switch.
/// </summary>
public static class KeyRing
{
    public sealed class Settings
    {
        public CertificateFile? Certificate { get; set; }
        public List<CertificateFile> PreviousCertificates { get; set; } = [];
    }

    public sealed class CertificateFile
    {
        public string? Path { get; set; }
        public string? Password { get; set; }

        /// <summary>The certificate with its private key, or why it cannot be used.</summary>
        public (X509Certificate2? Certificate, string? Problem) Load(string setting)
        {
            if (!File.Exists(Path)) return (null, $"{setting}:Path \"{Path}\" is not a file this app can read: give the PFX file that encrypts the key ring.");
            try
            {
                var certificate = X509CertificateLoader.LoadPkcs12FromFile(Path, Password);
                return certificate.HasPrivateKey ? (certificate, null)
                    : (null, $"{setting}:Path \"{Path}\" holds no private key: the key ring could be written but never read back.");
            }
            catch (CryptographicException e) { return (null, $"{setting}:Path \"{Path}\" could not be opened ({e.Message.TrimEnd('.')}): check the file and {setting}:Password."); }
        }
    }

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration config)
    {
        var settings = config.GetSection("DataProtection").Get<Settings>() ?? new();
        services.AddOptions<Settings>().Bind(config.GetSection("DataProtection")).ValidateOnStart();
        services.AddSingleton<IValidateOptions<Settings>, Check>();

        var ring = services.AddDataProtection().SetApplicationName("Coaching").PersistKeysToDbContext<CoachingDbContext>();
        // A certificate that does not load is reported by the start check (Check below), which stops the app.
        if (settings.Certificate?.Path is { Length: > 0 } && settings.Certificate.Load("DataProtection:Certificate").Certificate is { } current)
        {
            ring.ProtectKeysWithCertificate(current);
            var previous = settings.PreviousCertificates.Select((c, i) => c.Load($"DataProtection:PreviousCertificates:{i}").Certificate).OfType<X509Certificate2>();
            ring.UnprotectKeysWithAnyCertificate([current, .. previous]);
        }
        return services;
    }

    public sealed class Check : IValidateOptions<Settings>
    {
        public ValidateOptionsResult Validate(string? name, Settings s)
        {
            var problems = new List<string>();
            if (s.Certificate?.Path is { Length: > 0 } && s.Certificate.Load("DataProtection:Certificate").Problem is { } problem) problems.Add(problem);
            for (var i = 0; i < s.PreviousCertificates.Count; i++)
                if (s.PreviousCertificates[i].Load($"DataProtection:PreviousCertificates:{i}").Problem is { } old) problems.Add(old);
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}

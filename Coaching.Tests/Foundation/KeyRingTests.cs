using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Coaching.Tests.Infrastructure;
using Coaching.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Coaching.Tests.Foundation;

/// <summary>
/// The key ring encrypted at rest with a certificate, as production runs it: its keys are unreadable in the database
/// without the certificate, and a sign-in on one node still holds on another that has it. A certificate the app cannot
/// use stops the start with a message naming the setting.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("coaching-keyring-").FullName;
    string Database => Path.Combine(folder, "coaching.db");

    string Certificate(string name, string password, bool withPrivateKey = true)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Coaching key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, withPrivateKey ? certificate.Export(X509ContentType.Pfx, password)
            : X509CertificateLoader.LoadCertificate(certificate.Export(X509ContentType.Cert)).Export(X509ContentType.Pfx, password));
        return path;
    }

    sealed class Node(string database, string certificate, string password) : CoachingFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Coaching", $"Data Source={database}");
            builder.UseSetting("DataProtection:Certificate:Path", certificate);
            builder.UseSetting("DataProtection:Certificate:Password", password);
        }
    }

    [Fact]
    public async Task With_a_certificate_the_keys_are_encrypted_in_the_database_and_a_sign_in_holds_on_another_node()
    {
        var pfx = Certificate("keyring.pfx", "ring-2026");
        string cookie;
        using (var first = new Node(Database, pfx, "ring-2026"))
        {
            var response = await new Browser(first.NewClient()).SignInAsync("manager@demo.local", Coaching.Web.Demo.DemoSeeder.Password);
            cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coaching.auth=")).Split(';')[0];
            var keys = await first.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());
            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("EncryptedData", xml);
                Assert.DoesNotContain("<value>", xml); // the unencrypted form carries the secret in <value>
            });
        }

        using var second = new Node(Database, pfx, "ring-2026");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Team");
        request.Headers.Add("Cookie", cookie);
        var answer = await second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false }).SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public void A_certificate_the_app_cannot_use_is_named_at_start()
    {
        static IReadOnlyList<string> Problems(string? path, string? password) =>
            new KeyRing.Check().Validate(null, new KeyRing.Settings { Certificate = new() { Path = path, Password = password } }).Failures?.ToList() ?? [];

        Assert.Empty(Problems(Certificate("good.pfx", "right"), "right"));
        Assert.StartsWith("DataProtection:Certificate:Path \"/nowhere/ring.pfx\" is not a file this app can read", Assert.Single(Problems("/nowhere/ring.pfx", null)));
        Assert.Contains("could not be opened", Assert.Single(Problems(Certificate("other.pfx", "right"), "wrong")));
        Assert.Contains("holds no private key", Assert.Single(Problems(Certificate("public.pfx", "right", withPrivateKey: false), "right")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}

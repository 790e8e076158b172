using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PublicServicesBpm.Persistence;

namespace PublicServicesBpm.Host.Features.DevelopmentIdentityProvider;

/// <summary>
/// On the first start with an empty account table, creates three demo citizens sharing one random password. The
/// password is never in the repository: it is logged once and written to <c>.data/demo-citizens.txt</c> (mode 0600)
/// for whoever runs the demo.
/// </summary>
internal sealed class DemoCitizenSeeder(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DemoCitizenSeeder> logger) : IHostedService
{
    public const string DefaultFile = ".data/demo-citizens.txt";
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    internal static readonly IReadOnlyList<NewCitizenAccount> Citizens =
    [
        new("027085001234", "Nguyễn Văn An", new DateOnly(1985, 3, 12), Genders.Male, "0912345678", "an.nguyenvan@example.com",
            "Số 15 đường Lý Thái Tổ, phường Kinh Bắc, tỉnh Bắc Ninh", string.Empty, 2),
        new("027192004567", "Trần Thị Bích Ngọc", new DateOnly(1992, 11, 5), Genders.Female, "0987654321", "ngoc.tranthibich@example.com",
            "Thôn Đông Xuyên, xã Yên Phong, tỉnh Bắc Ninh", string.Empty, 2),
        new("027201007890", "Lê Hoàng Minh", new DateOnly(2001, 7, 20), Genders.Male, "0368123456", null,
            "Số 3 ngõ 45 đường Trần Hưng Đạo, phường Từ Sơn, tỉnh Bắc Ninh", string.Empty, 1),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SeedAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The host serves everything else; only the demo sign-in is missing.
            logger.LogError(exception, "Could not create the demo citizens of the development identity provider");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.CitizenAccounts.AnyAsync(cancellationToken))
        {
            return;
        }
        var accounts = scope.ServiceProvider.GetRequiredService<CitizenAccounts>();
        var password = RandomNumberGenerator.GetString(PasswordAlphabet, 16);
        db.CitizenAccounts.AddRange(Citizens.Select(citizen => accounts.ToAccount(citizen with { Password = password })));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (CitizenAccounts.IsUniqueViolation(exception))
        {
            return; // another host seeded the same database at the same moment
        }
        var file = Path.GetFullPath(configuration["Identity:DevelopmentProvider:DemoCitizensFile"] ?? DefaultFile);
        WriteFile(file, password);
        logger.LogWarning(
            "Demo citizens of the development identity provider created: personal ID numbers {PersonalIdNumbers}, all with password {Password} (also in {File})",
            Citizens.Select(c => c.PersonalIdNumber).ToArray(), password, file);
    }

    private static void WriteFile(string path, string password)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder()
            .AppendLine("Demo citizens of the development identity provider (stand-in for VNeID). Sign in at /portal.")
            .AppendLine(CultureInfo.InvariantCulture, $"Password of every demo citizen: {password}")
            .AppendLine();
        foreach (var citizen in Citizens)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{citizen.PersonalIdNumber}  {citizen.FullName}  (assurance level {citizen.AssuranceLevel})");
        }
        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = ownerOnly;
            if (File.Exists(path))
            {
                // UnixCreateMode applies only to a new file: narrow an older one before the password goes in.
                File.SetUnixFileMode(path, ownerOnly);
            }
        }
        using var writer = new StreamWriter(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        writer.Write(text.ToString());
    }
}

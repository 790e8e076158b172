using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Features.Attachments;

namespace PublicServicesBpm.IntegrationTests.Attachments;

/// <summary>Refusal codes and texts, and the service registration.</summary>
public sealed class AttachmentMessagesTests
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void Describe_EveryError_HasAStableCodeAndATextInBothLanguages()
    {
        foreach (var error in Enum.GetValues<AttachmentError>())
        {
            var refusal = new AttachmentRejectedException(error, "x", "y");

            Assert.Matches("^attachment\\.[a-z-]+$", refusal.Code);
            Assert.False(string.IsNullOrWhiteSpace(refusal.Describe(Vietnamese)));
            Assert.NotEqual(refusal.Describe(English), refusal.Describe(Vietnamese));
            Assert.Equal(refusal.Describe(English), refusal.Message);
        }
    }

    [Fact]
    public void Describe_TooLarge_SaysTheLimitInVietnameseAndEnglish()
    {
        var refusal = new AttachmentRejectedException(AttachmentError.TooLarge, AttachmentMessages.Size(20L * 1024 * 1024));

        Assert.Equal("Tệp vượt quá dung lượng cho phép (tối đa 20 MB).", refusal.Describe(Vietnamese));
        Assert.Equal("The file is larger than allowed (at most 20 MB).", refusal.Describe(English));
    }

    [Fact]
    public void AddAttachments_FromConfiguration_StoreUnderTheConfiguredRootWithNoVirusScanner()
    {
        var root = Path.Combine(Path.GetTempPath(), "psb-attachments-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Attachments:Root"] = root, ["Attachments:MaxBytes"] = "1000" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);

        using var provider = services.AddAttachments().BuildServiceProvider();

        Assert.Equal(root, provider.GetRequiredService<AttachmentStore>().Root);
        Assert.IsType<NoVirusScanner>(provider.GetRequiredService<IAttachmentScanner>());
    }

    [Fact]
    public void AddAttachments_ScannerRegisteredBefore_IsKept()
    {
        var services = new ServiceCollection().AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<IAttachmentScanner, SignatureScanner>();

        using var provider = services.AddAttachments().BuildServiceProvider();

        Assert.IsType<SignatureScanner>(provider.GetRequiredService<IAttachmentScanner>());
        Assert.EndsWith(Path.Combine(".data", "attachments"), provider.GetRequiredService<AttachmentStore>().Root, StringComparison.Ordinal);
    }
}

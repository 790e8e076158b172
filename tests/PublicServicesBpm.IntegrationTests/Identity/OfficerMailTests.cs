using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PublicServicesBpm.Host.Features.Identity;

namespace PublicServicesBpm.IntegrationTests.Identity;

public sealed partial class OfficerMailTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "psb-mail-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task PickupDirectory_NoSmtpHost_WritesOneUtf8Rfc5322MessagePerMail()
    {
        using var provider = Mailer(new() { ["Mail:PickupDirectory"] = _directory, ["Mail:From"] = "Cổng dịch vụ công <no-reply@laocai.gov.vn>" });
        var mailer = provider.GetRequiredService<IOfficerMailer>();
        const string subject = "Đặt lại mật khẩu tài khoản PublicServicesBpm — thư dài để thử gập dòng tiêu đề";

        await mailer.SendAsync(new OfficerMail("can.bo@laocai.gov.vn", subject, "Kính gửi anh Nguyễn Văn An,\nĐường dẫn: https://dvc.laocai.gov.vn/x"), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(file, Encoding.UTF8);
        var (headers, body) = (text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)], text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..]);
        Assert.Contains("To: <can.bo@laocai.gov.vn>\r\n", headers, StringComparison.Ordinal);
        Assert.Contains("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit", headers, StringComparison.Ordinal);
        Assert.Matches(@"^Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000\r$", headers.Split('\n')[0]);
        Assert.Matches(@"From: =\?utf-8\?B\?[A-Za-z0-9+/=]+\?= <no-reply@laocai\.gov\.vn>", headers);
        Assert.All(headers.Split("\r\n"), line => Assert.True(line.Length <= 78, line));
        Assert.Equal(subject, DecodeEncodedWords(Regex.Match(headers, @"Subject: (?<value>.*?)\r\n(?! )", RegexOptions.Singleline).Groups["value"].Value));
        Assert.Equal("Kính gửi anh Nguyễn Văn An,\r\nĐường dẫn: https://dvc.laocai.gov.vn/x\r\n", body);
    }

    [Fact]
    public void AddOfficerMail_SmtpHostConfigured_SendsThroughSmtp()
    {
        using var provider = Mailer(new() { ["Mail:Smtp:Host"] = "smtp.laocai.gov.vn", ["Mail:PickupDirectory"] = _directory });

        Assert.IsType<SmtpOfficerMailer>(provider.GetRequiredService<IOfficerMailer>());
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static ServiceProvider Mailer(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddOfficerMail();
        return services.BuildServiceProvider();
    }

    private static string DecodeEncodedWords(string value) =>
        string.Concat(EncodedWord().Matches(value).Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups["text"].Value))));

    [GeneratedRegex(@"=\?utf-8\?B\?(?<text>[A-Za-z0-9+/=]+)\?=")]
    private static partial Regex EncodedWord();
}

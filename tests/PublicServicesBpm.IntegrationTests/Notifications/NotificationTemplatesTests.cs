using PublicServicesBpm.Host.Features.Notifications;

namespace PublicServicesBpm.IntegrationTests.Notifications;

public sealed class NotificationTemplatesTests
{
    public static TheoryData<string> Events() => [.. NotificationEvents.All];

    [Theory]
    [MemberData(nameof(Events))]
    public void Render_EveryEvent_HasVietnameseAndEnglishTextsWithEveryPlaceholderFilled(string notificationEvent)
    {
        var vi = NotificationTemplates.Render(notificationEvent, NotificationTemplates.Vietnamese, NotificationsFixture.SampleValues);
        var en = NotificationTemplates.Render(notificationEvent, NotificationTemplates.English, NotificationsFixture.SampleValues);

        foreach (var text in new[] { vi.Subject, vi.Sms, vi.Body, en.Subject, en.Sms, en.Body })
        {
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.DoesNotContain("{", text, StringComparison.Ordinal);
        }
        Assert.Contains("H38.41-261130-0007", vi.Subject, StringComparison.Ordinal);
        Assert.Contains("H38.41-261130-0007", en.Sms, StringComparison.Ordinal);
        Assert.NotEqual(vi.Subject, en.Subject);
        Assert.NotEqual(vi.Body, en.Body);
        Assert.True(vi.Sms.Length < 300, $"vi SMS has {vi.Sms.Length} characters: {vi.Sms}");
        Assert.True(en.Sms.Length < 300, $"en SMS has {en.Sms.Length} characters: {en.Sms}");
    }

    [Fact]
    public void Render_ReceivedInVietnamese_IsThePoliteAdministrativeText()
    {
        var texts = NotificationTemplates.Render(NotificationEvents.Received, "vi-VN", NotificationsFixture.SampleValues);

        Assert.Equal("Hồ sơ H38.41-261130-0007 đã được tiếp nhận", texts.Subject);
        Assert.StartsWith("Kính gửi Ông/Bà Nguyễn Minh An,", texts.Body, StringComparison.Ordinal);
        Assert.Contains("Ủy ban nhân dân phường Kim Tân đã tiếp nhận hồ sơ H38.41-261130-0007 về thủ tục Đăng ký hộ kinh doanh.", texts.Body, StringComparison.Ordinal);
        Assert.Contains("Ngày hẹn trả kết quả: 07/12/2026 16:30.", texts.Sms, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LateApologyInEnglish_NamesBothAppointments()
    {
        var texts = NotificationTemplates.Render(NotificationEvents.LateWithApology, "en", NotificationsFixture.SampleValues);

        Assert.Equal("Apology and new appointment for dossier H38.41-261130-0007", texts.Subject);
        Assert.Contains("could not be completed by 07/12/2026 16:30. The new date for the result is 10/12/2026 16:30.", texts.Sms, StringComparison.Ordinal);
        Assert.StartsWith("Dear Nguyễn Minh An,", texts.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Fill_UnknownOrMissingPlaceholder_StaysVisible()
    {
        var text = NotificationTemplates.Fill("Hồ sơ {code}, bước {step}, {unknown}", new Dictionary<string, string> { ["code"] = "X-1" });

        Assert.Equal("Hồ sơ X-1, bước {step}, {unknown}", text);
    }

    [Theory]
    [InlineData("vi", "vi-VN")]
    [InlineData("VI-vn", "vi-VN")]
    [InlineData("en-GB", "en")]
    [InlineData("fr", null)]
    [InlineData(null, null)]
    public void NormalizeCulture_KnownAndUnknown_MapsToSupportedOrNull(string? culture, string? expected)
    {
        Assert.Equal(expected, NotificationTemplates.NormalizeCulture(culture));
    }
}

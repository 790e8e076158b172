using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace PublicServicesBpm.EndToEndTests;

/// <summary>Fees at the desk: the fee officer asks for the fee on the task page and records the receipt on the dossier page.</summary>
public sealed class WorkspacePaymentTests(WorkspaceBrowserFixture fixture) : IClassFixture<WorkspaceBrowserFixture>
{
    [Fact]
    public async Task FeeOfficer_RequestsFeeOnTaskPageThenRecordsReceipt_DossierProcessingAgain()
    {
        var id = await fixture.AppraisedHouseholdBusinessAsync("Nguyễn Minh An");
        var taskId = await fixture.OpenStepAsync(id, "request-payment");
        var page = await fixture.SignedInPageAsync(fixture.FeeOfficerId, $"/workspace/tasks/{taskId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Nhận việc" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi yêu cầu nộp phí" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("dossier-status")).ToContainTextAsync("Yêu cầu thực hiện nghĩa vụ tài chính");
        var payments = page.GetByTestId("payments");
        await Assertions.Expect(payments.GetByTestId("payment-state")).ToHaveTextAsync("Chưa nộp");
        await Assertions.Expect(payments).ToContainTextAsync("Lệ phí đăng ký hộ kinh doanh");
        await payments.GetByLabel("Hình thức nộp").SelectOptionAsync("transfer");
        await payments.GetByLabel("Số biên lai").FillAsync("BL-0001");
        await page.GetByTestId("payment-record").ClickAsync();

        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Đã ghi nhận nộp phí; hồ sơ tiếp tục được xử lý.");
        await Assertions.Expect(page.GetByTestId("dossier-status")).ToHaveTextAsync("Đang xử lý");
        await Assertions.Expect(page.GetByTestId("payment-state")).ToContainTextAsync("BL-0001");
        await Assertions.Expect(page.GetByTestId("payment-record")).ToHaveCountAsync(0);
        var stored = await fixture.QueryAsync(async db => new
        {
            Status = await db.Dossiers.Where(d => d.Id == id).Select(d => d.Status).SingleAsync(),
            Payment = await db.DossierPayments.Where(p => p.DossierId == id).Select(p => new { p.Amount, p.Method, p.ReceiptNumber }).SingleAsync(),
        });
        Assert.Equal(4, stored.Status);
        Assert.Equal((100000m, "transfer", "BL-0001"), (stored.Payment.Amount, stored.Payment.Method, stored.Payment.ReceiptNumber));
    }

    [Fact]
    public async Task DossierPage_RecordPaymentWithoutReceipt_ShowsErrorAndStaysAwaitingPayment()
    {
        var id = await RequestedAsync("Trần Thị Bích");
        var page = await fixture.SignedInPageAsync(fixture.FeeOfficerId, $"/workspace/dossiers/{id:D}");

        await page.GetByTestId("payment-record").ClickAsync();

        await Assertions.Expect(page.GetByTestId("payments").GetByTestId("error-summary")).ToContainTextAsync("Nhập số biên lai.");
        await Assertions.Expect(page.GetByLabel("Số biên lai")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Equal(6, await fixture.QueryAsync(db => db.Dossiers.Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task DossierPage_Specialist_SeesPaymentsButCannotRecord()
    {
        var id = await RequestedAsync("Lò Văn Dũng");
        var page = await fixture.SignedInPageAsync(fixture.SpecialistId, $"/workspace/dossiers/{id:D}");

        await Assertions.Expect(page.GetByTestId("payment-state")).ToHaveTextAsync("Chưa nộp");
        await Assertions.Expect(page.GetByTestId("payment-record")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("", 1280, "workspace-payment-vi-desktop")]
    [InlineData("?culture=en", 1280, "workspace-payment-en-desktop")]
    [InlineData("", 375, "workspace-payment-vi-375")]
    public async Task DossierPage_PaymentSection_HasNoWcag21AaViolations(string query, int width, string screenshot)
    {
        var id = await RequestedAsync("Hà Thị Thu");
        var page = await fixture.SignedInPageAsync(fixture.FeeOfficerId, $"/workspace/dossiers/{id:D}{query}", width);
        await Assertions.Expect(page.GetByTestId("payment-record")).ToBeVisibleAsync();

        await page.GetByTestId("payments").ScrollIntoViewIfNeededAsync();
        await WorkspaceBrowserFixture.ScreenshotAsync(page, screenshot);
        await WorkspaceBrowserFixture.AssertAccessibleAsync(page);
        await WorkspaceBrowserFixture.AssertNoHorizontalScrollAsync(page);
    }

    /// <summary>A household business registration whose fee the fee officer asked for through the API (status 6).</summary>
    private async Task<Guid> RequestedAsync(string ownerName)
    {
        var id = await fixture.AppraisedHouseholdBusinessAsync(ownerName);
        using var client = await fixture.ClientAsync(fixture.FeeOfficerId);
        using var response = await client.PostAsJsonAsync(new Uri($"/api/v1/dossiers/{id}/payments", UriKind.Relative), new { }, WorkspaceBrowserFixture.Json);
        Assert.True(response.IsSuccessStatusCode, $"payments: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return id;
    }
}

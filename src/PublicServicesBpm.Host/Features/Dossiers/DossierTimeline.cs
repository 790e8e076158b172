using System.Globalization;
using System.Text.Json.Nodes;
using PublicServicesBpm.Persistence.Dossiers;

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>One line of a dossier's timeline: when, what happened in plain words, and an optional detail.</summary>
internal sealed record TimelineEntry(DateTimeOffset At, string Title, string? Detail);

/// <summary>Who reads a timeline: each sees less than the next.</summary>
internal enum TimelineAudience
{
    /// <summary>A stranger holding the slip (code and secret): no personal data, no free text written by the applicant.</summary>
    Public,

    /// <summary>The dossier's owner: everything that concerns them, without the agency's internal steps.</summary>
    Applicant,

    /// <summary>An officer of the agency: also the internal steps and the apology proposals.</summary>
    Officer,
}

/// <summary>
/// The dossier's history (<c>app.dossier_events</c>) told in plain Vietnamese — or English — for the person who
/// asked for the service (B8). Status changes that a more specific event already tells (status 5 beside the
/// supplementation request, status 3 beside the refusal, …) are left out, so each thing happens once. Actor names
/// are never shown outside the agency.
/// </summary>
internal static class DossierTimeline
{
    /// <summary>How far apart a status change and the command event that caused it may be recorded.</summary>
    private static readonly TimeSpan SameCommand = TimeSpan.FromMinutes(2);

    /// <summary>The event kinds that tell the status change they cause.</summary>
    private static readonly Dictionary<short, string[]> CoveredBy = new()
    {
        [DossierStatuses.Submitted] = ["submitted"],
        [DossierStatuses.Refused] = ["refusal"],
        [DossierStatuses.AwaitingSupplement] = ["supplementation-requested"],
        [DossierStatuses.AwaitingPayment] = ["payment-requested"],
        [DossierStatuses.WithdrawalRequested] = ["withdrawal-requested"],
        [DossierStatuses.ResultReturned] = ["returned"],
    };

    public static IReadOnlyList<TimelineEntry> Build(
        IReadOnlyList<DossierEventRecord> events, IReadOnlyDictionary<string, string> componentNames, TimelineAudience audience, bool english)
    {
        var text = new Words(english);
        var entries = new List<TimelineEntry>();
        foreach (var e in events.OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            var data = Parse(e.Data);
            var entry = e.Kind switch
            {
                "created" => audience == TimelineAudience.Public ? null : Entry(e, text.Pick("Hồ sơ được tạo (bản nháp)", "Dossier created (draft)")),
                "submitted" => Entry(e, text.Pick("Hồ sơ đã được nộp trực tuyến, chờ cơ quan tiếp nhận", "Dossier submitted online, waiting to be received")),
                "received-at-counter" => Entry(e, text.Pick("Hồ sơ đã được nộp tại Bộ phận Một cửa", "Dossier handed in at the one-stop desk")),
                "status" when e.Status is { } status && !Covered(events, e, status) => Entry(e, text.Status(status)),
                "appointment" => Appointment(e, data, text),
                "step" when audience == TimelineAudience.Officer => Entry(e, text.Pick("Bước xử lý: ", "Step: ") + Str(data, "task"),
                    Str(data, "outcome") is { } outcome ? text.Pick("Kết quả bước: ", "Outcome: ") + outcome : null),
                "refusal" => Entry(e, text.Pick("Hồ sơ không được tiếp nhận", "The dossier was refused"),
                    Str(data, "reason") is { } reason ? text.Pick("Lý do: ", "Reason: ") + reason : null),
                "supplementation-requested" => Supplementation(e, data, componentNames, text),
                "supplemented" => Entry(e, text.Pick("Đã gửi giấy tờ bổ sung, hồ sơ được tiếp tục giải quyết", "Supplement sent; processing continues"),
                    audience == TimelineAudience.Public ? null : Str(data, "note")),
                "payment-requested" => Entry(e, text.Pick("Cơ quan yêu cầu nộp phí, lệ phí: ", "Fees to pay: ") + Money(data, english), Str(data, "description")),
                "payment-recorded" => Entry(e, text.Pick("Đã ghi nhận việc nộp phí, lệ phí", "Payment recorded"),
                    Str(data, "receipt") is { } receipt ? text.Pick("Biên lai số ", "Receipt number ") + receipt : null),
                "withdrawal-requested" => Entry(e, text.Pick("Người nộp đã đề nghị rút hồ sơ", "The applicant asked to withdraw the dossier"),
                    audience == TimelineAudience.Public ? null : Str(data, "reason")),
                "draft-confirmed" => Entry(e, text.Pick("Người nộp đã xác nhận dự thảo kết quả", "The applicant confirmed the draft result")),
                "apology-proposed" when audience == TimelineAudience.Officer => Entry(e, text.Pick("Đề xuất xin lỗi, hẹn lại ngày trả kết quả", "Apology and new appointment proposed"),
                    Str(data, "reason")),
                "apology-rejected" when audience == TimelineAudience.Officer => Entry(e, text.Pick("Lãnh đạo không duyệt đề xuất hẹn lại", "The proposed new appointment was rejected")),
                "apology-approved" => Entry(e, text.Pick("Cơ quan xin lỗi vì chậm trả kết quả và hẹn lại ngày trả", "The agency apologised for the delay and set a new appointment")),
                // The status entry beside it already says the result is ready: this one is about the document.
                "result" => Entry(e, text.Pick("Văn bản kết quả đã được ký", "The result document was signed"), Result(data, audience, text)),
                "returned" => Entry(e, text.Pick("Đã trả kết quả", "The result was returned"), Returned(data, audience, text)),
                "file-uploaded" when audience != TimelineAudience.Public => Entry(e,
                    text.Pick("Đã tải lên giấy tờ: ", "Document uploaded: ") + ComponentName(Str(data, "component"), componentNames, text)),
                _ => null,
            };
            if (entry is not null)
            {
                entries.Add(entry);
            }
        }
        return entries;
    }

    private static TimelineEntry Entry(DossierEventRecord e, string title, string? detail = null) =>
        new(e.At, title, string.IsNullOrWhiteSpace(detail) ? null : detail);

    private static bool Covered(IReadOnlyList<DossierEventRecord> events, DossierEventRecord status, short code) =>
        CoveredBy.TryGetValue(code, out var kinds)
        && events.Any(e => kinds.Contains(e.Kind) && (e.At - status.At).Duration() <= SameCommand);

    private static TimelineEntry? Appointment(DossierEventRecord e, JsonObject? data, Words text)
    {
        if (Instant(data, "appointment") is not { } appointment)
        {
            return null;
        }
        var day = Day(appointment);
        var reason = Str(data, "reason");
        if (reason is "receipt")
        {
            return Entry(e, text.Pick("Ngày hẹn trả kết quả: ", "Appointment for the result: ") + day,
                text.Pick("Hẹn trả lúc ", "Due at ") + VietnamTimeOf(appointment));
        }
        var why = reason switch
        {
            "supplement-pause" => text.Pick(" do tạm dừng chờ bổ sung", " after the pause for the supplement"),
            "payment-pause" => text.Pick(" do tạm dừng chờ nộp phí, lệ phí", " after the pause for the payment"),
            "supplement-restart" => text.Pick(" do tính lại thời hạn sau khi bổ sung", " as the time limit restarted after the supplement"),
            "apology" => text.Pick(" theo phiếu xin lỗi và hẹn lại", " as stated in the apology"),
            _ => string.Empty,
        };
        return Entry(e, text.Pick("Ngày hẹn trả kết quả được dời đến ", "The appointment moved to ") + day + why);
    }

    private static TimelineEntry Supplementation(DossierEventRecord e, JsonObject? data, IReadOnlyDictionary<string, string> componentNames, Words text)
    {
        var items = (data?["items"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var names = items.Select(i => Str(i, "componentCode") is { } code ? ComponentName(code, componentNames, text) : Str(i, "name") ?? string.Empty)
            .Where(n => n.Length > 0).ToList();
        var reasons = items.Select(i => (Name: Str(i, "componentCode") is { } code ? ComponentName(code, componentNames, text) : Str(i, "name"), Reason: Str(i, "reason")))
            .Where(i => i.Reason is not null).Select(i => $"{i.Name}: {i.Reason}").ToList();
        if (Str(data, "guidance") is { } guidance)
        {
            reasons.Add(guidance);
        }
        return Entry(e, text.Pick("Cơ quan yêu cầu bổ sung giấy tờ: ", "The agency asked for more documents: ") + string.Join("; ", names),
            string.Join(" ", reasons.Select(Sentence)));
    }

    /// <summary>The text ending with one full stop (officers often end their reasons with one already).</summary>
    private static string Sentence(string text) => text.TrimEnd() is var trimmed && trimmed.EndsWith('.') ? trimmed : trimmed + ".";

    private static string? Result(JsonObject? data, TimelineAudience audience, Words text)
    {
        if (Str(data, "number") is not { } number)
        {
            return null;
        }
        var line = text.Pick("Văn bản số ", "Document number ") + number;
        if (Str(data, "signedOn") is { } signedOn && DateOnly.TryParse(signedOn, CultureInfo.InvariantCulture, out var day))
        {
            line += text.Pick(", ký ngày ", ", signed on ") + day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        }
        return audience == TimelineAudience.Public || Str(data, "summary") is not { } summary ? line : line + ". " + summary;
    }

    private static string? Returned(JsonObject? data, TimelineAudience audience, Words text)
    {
        var channel = Str(data, "channel") switch
        {
            "counter" => text.Pick("Nhận tại Bộ phận Một cửa", "Collected at the one-stop desk"),
            "post" => text.Pick("Gửi qua dịch vụ bưu chính công ích", "Sent by post"),
            "online" => text.Pick("Trả kết quả điện tử", "Returned electronically"),
            _ => null,
        };
        return audience != TimelineAudience.Public && Str(data, "receiverName") is { } receiver
            ? $"{channel}; {text.Pick("người nhận", "received by")}: {receiver}"
            : channel;
    }

    private static string ComponentName(string? code, IReadOnlyDictionary<string, string> componentNames, Words text) =>
        code is null ? string.Empty
        : code == DossierFiles.ResultComponent ? text.Pick("văn bản kết quả", "result document")
        : componentNames.TryGetValue(code, out var name) ? name : code;

    private static string Money(JsonObject? data, bool english)
    {
        var amount = data?["amount"] is JsonValue value && value.TryGetValue<decimal>(out var number) ? number : 0m;
        return english
            ? amount.ToString("#,0", CultureInfo.InvariantCulture) + " VND"
            : amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.') + " đồng";
    }

    private static string Day(DateTimeOffset instant) => instant.ToOffset(Audit.VietnamTime.Offset).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string VietnamTimeOf(DateTimeOffset instant) => instant.ToOffset(Audit.VietnamTime.Offset).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Instant(JsonObject? data, string name) =>
        data?[name] is JsonValue value && value.TryGetValue<string>(out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant) ? instant : null;

    private static string? Str(JsonObject? data, string name) =>
        data?[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    private static JsonObject? Parse(string? json) => json is null ? null : JsonNode.Parse(json) as JsonObject;

    /// <summary>The two languages side by side, as <see cref="DossierStatuses.Name"/> keeps them.</summary>
    private sealed class Words(bool english)
    {
        public string Pick(string vietnamese, string englishText) => english ? englishText : vietnamese;

        public string Status(short status) => status switch
        {
            DossierStatuses.Submitted => Pick("Hồ sơ đã được gửi đến cơ quan, chờ tiếp nhận", "Sent to the agency, waiting to be received"),
            DossierStatuses.Received => Pick("Hồ sơ đã được tiếp nhận", "The dossier was received"),
            DossierStatuses.Refused => Pick("Hồ sơ không được tiếp nhận", "The dossier was refused"),
            DossierStatuses.Processing => Pick("Hồ sơ đang được giải quyết", "The dossier is being processed"),
            DossierStatuses.AwaitingSupplement => Pick("Cơ quan yêu cầu bổ sung giấy tờ", "The agency asked for more documents"),
            DossierStatuses.AwaitingPayment => Pick("Chờ nộp phí, lệ phí", "Waiting for the fee payment"),
            DossierStatuses.WithdrawalRequested => Pick("Người nộp đã đề nghị rút hồ sơ", "The applicant asked to withdraw the dossier"),
            DossierStatuses.Stopped => Pick("Hồ sơ đã dừng xử lý", "Processing was stopped"),
            DossierStatuses.ResultReady => Pick("Đã có kết quả giải quyết", "The result is ready"),
            DossierStatuses.ResultReturned => Pick("Đã trả kết quả", "The result was returned"),
            _ => DossierStatuses.Name(status, english),
        };
    }
}

namespace PublicServicesBpm.Host.Features.Dossiers;

/// <summary>
/// The dossier status codes sent to the National Public Service Portal (requirements/lifecycle.md), with their names.
/// The codes are set only by the dossier's workflow (<c>psb:dossierStatus</c>); this class just names them.
/// </summary>
internal static class DossierStatuses
{
    /// <summary>A draft: saved, not submitted, no process instance.</summary>
    public const short Draft = 0;
    public const short Submitted = 1;
    public const short Received = 2;
    public const short Refused = 3;
    public const short Processing = 4;
    public const short AwaitingSupplement = 5;
    public const short AwaitingPayment = 6;
    public const short WithdrawalRequested = 7;
    public const short Stopped = 8;
    public const short ResultReady = 9;
    public const short ResultReturned = 10;

    /// <summary>The statuses during which the clock stands still.</summary>
    public static bool IsPaused(short status) => status is AwaitingSupplement or AwaitingPayment;

    /// <summary>Decision 766's end of processing: the first of these statuses ends the dossier's processing time.</summary>
    public static bool EndsProcessing(short status) => status is Refused or WithdrawalRequested or Stopped or ResultReady or ResultReturned;

    /// <summary>The status name in Vietnamese (the official wording) or English.</summary>
    public static string Name(short status, bool english = false) => (status, english) switch
    {
        (Draft, false) => "Hồ sơ nháp",
        (Submitted, false) => "Mới đăng ký",
        (Received, false) => "Được tiếp nhận",
        (Refused, false) => "Không được tiếp nhận",
        (Processing, false) => "Đang xử lý",
        (AwaitingSupplement, false) => "Yêu cầu bổ sung giấy tờ",
        (AwaitingPayment, false) => "Yêu cầu thực hiện nghĩa vụ tài chính",
        (WithdrawalRequested, false) => "Công dân yêu cầu rút hồ sơ",
        (Stopped, false) => "Dừng xử lý",
        (ResultReady, false) => "Đã xử lý xong",
        (ResultReturned, false) => "Đã trả kết quả",
        (Draft, true) => "Draft",
        (Submitted, true) => "Submitted",
        (Received, true) => "Received",
        (Refused, true) => "Refused",
        (Processing, true) => "In processing",
        (AwaitingSupplement, true) => "Supplement requested",
        (AwaitingPayment, true) => "Payment requested",
        (WithdrawalRequested, true) => "Withdrawal requested",
        (Stopped, true) => "Processing stopped",
        (ResultReady, true) => "Result ready",
        (ResultReturned, true) => "Result returned",
        _ => status.ToString(global::System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>Channels (kênh thực hiện): the code stored and sent to the national portal, and the catalogue's name for it.</summary>
internal static class DossierChannels
{
    public const short Counter = 1;
    public const short Online = 2;
    public const short Post = 3;

    /// <summary>The channel name the procedure catalogue uses in time limits and fees.</summary>
    public static string CatalogueName(short channel) => channel switch
    {
        Counter => "counter",
        Online => "online",
        Post => "post",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "A channel is 1 (counter), 2 (online) or 3 (post)."),
    };

    public static short? Parse(string? name) => name switch
    {
        "counter" => Counter,
        "online" => Online,
        "post" => Post,
        _ => null,
    };
}

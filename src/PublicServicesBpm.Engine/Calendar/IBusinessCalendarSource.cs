namespace PublicServicesBpm.Engine.Calendar;

/// <summary>
/// Where the runtime gets the business calendar of the agency that handles an instance: office hours differ per
/// agency, and administrators enter substitute days for all agencies or one. The runtime asks once per command with
/// the instance's <c>agencyCode</c> variable (null when it has none) and counts every deadline of that command on the
/// calendar it gets. Implementations cache; the answer must reflect what was in force when the command runs, so that
/// a deadline, once computed, is never recomputed on a newer calendar.
/// </summary>
public interface IBusinessCalendarSource
{
    /// <summary>The calendar in force now for <paramref name="agencyCode"/>, or the common one when it is null or unknown.</summary>
    ValueTask<IBusinessCalendar> ForAgencyAsync(string? agencyCode, CancellationToken cancellationToken);
}

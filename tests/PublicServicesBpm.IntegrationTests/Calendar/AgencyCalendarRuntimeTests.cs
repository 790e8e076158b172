using Microsoft.Extensions.Logging.Abstractions;
using PublicServicesBpm.Host.Features.Calendar;
using PublicServicesBpm.IntegrationTests.Engine;
using PublicServicesBpm.Persistence.Engine;
using PublicServicesBpm.Engine.Calendar;

namespace PublicServicesBpm.IntegrationTests.Calendar;

/// <summary>The runtime counts each instance's deadlines on the calendar of its agency (variable <c>agencyCode</c>).</summary>
public sealed class AgencyCalendarRuntimeTests : RuntimeTestBase
{
    private static readonly string s_review = Process("tham-dinh-lich", """
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <bpmn:userTask id="review" psb:candidateGroups="specialist" psb:dueIn="P2D" />
        <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
        <bpmn:endEvent id="end" />
        """);

    [Fact]
    public async Task StartAsync_AgencyWithASevenAndAHalfHourDay_WorkingDaysEndAtTheSameTimeOfDay()
    {
        await DeployAsync(s_review);
        await ScalarAsync<int>("""
            INSERT INTO app.agencies (code, name, province_code, created_at, weekday_hours) VALUES
              ('000.00.43.H38', 'Sở Tư pháp', '15', now(), ARRAY['07:30-11:30', '13:30-17:00']);
            SELECT 1
            """);
        var runtime = new WorkflowRuntime(DataSource, new DefinitionCache(), Clock, new WeekdayOfficeHoursCalendar(),
            calendars: new AdministeredCalendars(DataSource, Clock, NullLogger<AdministeredCalendars>.Instance));

        // Thursday 26 Nov 2026 09:00 + 2 working days of this agency (7.5 h each, afternoon from 13:30).
        var started = await runtime.StartAsync("tham-dinh-lich", new() { ["agencyCode"] = "000.00.43.H38" }, null, null, CancellationToken.None);

        // Monday 09:00, as "two working days" reads — not Monday 10:00, which 8-hour days would give.
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(7)), await DueAsync(started.InstanceId));
    }

    [Fact]
    public async Task StartAsync_AgencyOpenOnSaturdayMorning_DeadlineCountsTheSaturday()
    {
        await DeployAsync(s_review);
        await ScalarAsync<int>("""
            INSERT INTO app.agencies (code, name, province_code, created_at, saturday_hours) VALUES
              ('000.00.41.H38', 'Trung tâm Phục vụ hành chính công', '10', now(), ARRAY['07:30-11:30']),
              ('000.00.42.H38', 'Sở Xây dựng', '10', now(), NULL);
            SELECT 1
            """);
        var runtime = new WorkflowRuntime(DataSource, new DefinitionCache(), Clock, new WeekdayOfficeHoursCalendar(),
            calendars: new AdministeredCalendars(DataSource, Clock, NullLogger<AdministeredCalendars>.Instance));

        // Thursday 26 Nov 2026 09:00 + 2 working days (16 h).
        var saturdayCentre = await runtime.StartAsync("tham-dinh-lich", new() { ["agencyCode"] = "000.00.41.H38" }, null, null, CancellationToken.None);
        var weekdayOffice = await runtime.StartAsync("tham-dinh-lich", new() { ["agencyCode"] = "000.00.42.H38" }, null, null, CancellationToken.None);

        // Thu 09:00-17:00 (6.5 h), Fri (8 h) leaves 1.5 h: Saturday 09:00 at the centre, Monday 09:00 elsewhere.
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.FromHours(7)), await DueAsync(saturdayCentre.InstanceId));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(7)), await DueAsync(weekdayOffice.InstanceId));
    }

    [Fact]
    public async Task StartAsync_NationalDayOffEnteredBeforeTheStart_MovesTheDeadline()
    {
        await DeployAsync(s_review);
        await ScalarAsync<int>("""
            INSERT INTO app.agencies (code, name, province_code, created_at) VALUES ('000.00.43.H38', 'UBND xã', '10', now());
            INSERT INTO app.calendar_adjustments (id, agency_code, date, kind, name_vi, name_en, recorded_at, recorded_by)
            VALUES (gen_random_uuid(), NULL, '2026-11-27', 'day-off', 'Nghỉ theo thông báo', 'Announced day off', '2026-11-01T00:00:00Z', 'test');
            SELECT 1
            """);
        var runtime = new WorkflowRuntime(DataSource, new DefinitionCache(), Clock, new WeekdayOfficeHoursCalendar(),
            calendars: new AdministeredCalendars(DataSource, Clock, NullLogger<AdministeredCalendars>.Instance));

        var started = await runtime.StartAsync("tham-dinh-lich", new() { ["agencyCode"] = "000.00.43.H38" }, null, null, CancellationToken.None);

        // Friday is off: Thursday 6.5 h, Monday 8 h, Tuesday 1.5 h → Tuesday 09:00.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(7)), await DueAsync(started.InstanceId));
    }

    private async Task<DateTimeOffset> DueAsync(Guid instanceId) =>
        new(await ScalarAsync<DateTime>("SELECT due_at FROM bpm.user_tasks WHERE instance_id = @id", ("id", instanceId)), TimeSpan.Zero);
}

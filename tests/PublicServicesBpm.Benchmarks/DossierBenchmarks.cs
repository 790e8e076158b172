using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PublicServicesBpm.Engine.Calendar;
using PublicServicesBpm.Engine.Execution;
using PublicServicesBpm.Host.Features.Calendar;
using PublicServicesBpm.Host.Features.Dossiers;
using PublicServicesBpm.Persistence.Engine;

namespace PublicServicesBpm.Benchmarks;

/// <summary>
/// What the dossier layer adds to an engine command (issue 5, ADR 0006): submitting a dossier (start + link the
/// dossier row + status 1 through the projection) against a plain start, and receiving it online (complete the
/// receipt step → inline <c>dossier.receive</c>: code, secret, appointment on the agency calendar → status 2 → 4)
/// against a plain task completion — the same clients, right after each other.
/// </summary>
internal sealed class DossierBenchmarks(Probe probe, BenchmarkOptions options)
{
    private const string Process = "bench-dossier";
    private const string Agency = "000.00.99.H38";

    private static readonly string ProcessXml = BenchProcesses.Definitions(Process, """
        <bpmn:startEvent id="start" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="receive" />
        <bpmn:userTask id="receive" name="Tiếp nhận" psb:candidateGroups="one-stop-officer" psb:outcomes="accept" psb:dueIn="PT4H" psb:dossierStatus="1" />
        <bpmn:sequenceFlow id="f2" sourceRef="receive" targetRef="register" />
        <bpmn:serviceTask id="register" name="Cấp mã hồ sơ" psb:type="dossier.receive" psb:dossierStatus="2" />
        <bpmn:sequenceFlow id="f3" sourceRef="register" targetRef="appraise" />
        <bpmn:userTask id="appraise" name="Thẩm định" psb:candidateGroups="specialist" psb:outcomes="approve" psb:dueIn="P1D" psb:dossierStatus="4" />
        <bpmn:sequenceFlow id="f4" sourceRef="appraise" targetRef="end" />
        <bpmn:endEvent id="end" />
        """);

    private readonly WorkflowRuntime _plain = new(probe.DataSource, new DefinitionCache(), TimeProvider.System, new WeekdayOfficeHoursCalendar());

    public async Task RunAsync()
    {
        var calendars = new AdministeredCalendars(probe.DataSource, TimeProvider.System, NullLogger<AdministeredCalendars>.Instance);
        var dossiers = new WorkflowRuntime(probe.DataSource, new DefinitionCache(), TimeProvider.System, new WeekdayOfficeHoursCalendar(),
            transactionalHandlers: [new ReceiveDossierHandler(calendars)], calendars: calendars, participants: [new DossierStatusProjection(calendars)]);
        await BenchProcesses.DeployIfMissingAsync(probe.DataSource, BenchProcesses.TwoTasks, BenchProcesses.TwoTasksXml);
        await BenchProcesses.DeployIfMissingAsync(probe.DataSource, Process, ProcessXml);
        await using (var agency = probe.DataSource.CreateCommand(
            "INSERT INTO app.agencies (code, name, province_code, created_at) VALUES (@code, 'UBND xã Thử Nghiệm', '15', now()) ON CONFLICT DO NOTHING"))
        {
            agency.Parameters.AddWithValue("code", Agency);
            await agency.ExecuteNonQueryAsync();
        }
        await RoundAsync(probe.ForWarmUp(), dossiers, options.Clients.Max(), Math.Min(200, options.Operations));
        foreach (var clients in options.Clients)
        {
            await RoundAsync(probe, dossiers, clients, options.Operations);
        }
    }

    private async Task RoundAsync(Probe measure, WorkflowRuntime dossiers, int clients, int operations)
    {
        var plain = new (Guid Instance, string Task)[operations];
        var submitted = new (Guid Instance, string Task)[operations];
        var ids = await InsertDraftsAsync(operations);

        var baseline = await measure.MeasureAsync("engine (a): start -> first user task", clients, operations, async i =>
        {
            var outcome = await _plain.StartAsync(BenchProcesses.TwoTasks, null, null, null, CancellationToken.None);
            plain[i] = (outcome.InstanceId, OpenedTask(outcome));
            return true;
        });
        await measure.MeasureAsync("dossier submit: start + link + status 1", clients, operations, async i =>
        {
            var variables = new System.Text.Json.Nodes.JsonObject { ["dossierId"] = ids[i].ToString("D"), ["agencyCode"] = Agency };
            var outcome = await dossiers.StartAsync(Process, variables, ids[i].ToString("D"), null, null, async (connection, transaction, started, ct) =>
            {
                await using var link = new NpgsqlCommand(
                    "UPDATE app.dossiers SET process_instance_id = @instance, submitted_at = now() WHERE id = @id AND process_instance_id IS NULL", connection, transaction);
                link.Parameters.AddWithValue("instance", started.InstanceId);
                link.Parameters.AddWithValue("id", ids[i]);
                await link.ExecuteNonQueryAsync(ct);
            }, CancellationToken.None);
            submitted[i] = (outcome.InstanceId, OpenedTask(outcome));
            return true;
        }, baseline);

        baseline = await measure.MeasureAsync("engine (b): complete task -> next user task", clients, operations, async i =>
        {
            await _plain.ExecuteAsync(plain[i].Instance, new CompleteUserTask(plain[i].Task, "approve"), null, CancellationToken.None);
            return true;
        });
        await measure.MeasureAsync("dossier receive: code, appointment, 2 -> 4", clients, operations, async i =>
        {
            await dossiers.ExecuteAsync(submitted[i].Instance, new CompleteUserTask(submitted[i].Task, "accept"), null, CancellationToken.None);
            return true;
        }, baseline);
    }

    /// <summary>Draft dossiers to submit (not measured), in one statement.</summary>
    private async Task<Guid[]> InsertDraftsAsync(int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToArray();
        await using var insert = probe.DataSource.CreateCommand("""
            INSERT INTO app.dossiers (id, procedure_code, procedure_version, case_code, process_key, agency_code, channel, created_by, applicant, form_data,
                                      result_delivery, status, created_at, updated_at, time_limit, paused_working_minutes, supplementation_count)
            SELECT id, 'bench', 1, 'mac-dinh', @process, @agency, 2, 'benchmark', '{"kind":"citizen","fullName":"Nguyễn Văn Thử"}', '{}', 'counter', 0, now(), now(),
                   '{"value":3,"unit":"working-days","sameDay":false,"restartAfterSupplement":false}', 0, 0
            FROM unnest(@ids) AS id
            """);
        insert.Parameters.AddWithValue("process", Process);
        insert.Parameters.AddWithValue("agency", Agency);
        insert.Parameters.AddWithValue("ids", ids);
        await insert.ExecuteNonQueryAsync();
        return ids;
    }

    private static string OpenedTask(CommandOutcome outcome) => outcome.Effects.OfType<UserTaskCreated>().Single().TaskId;
}

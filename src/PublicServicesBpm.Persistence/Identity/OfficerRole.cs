namespace PublicServicesBpm.Persistence.Identity;

/// <summary>
/// The roles an officer can be granted for an agency (function H1). Stored by these names, which are also the role
/// codes that workflows name in <c>psb:candidateGroups</c> (<c>specialist</c>, or <c>specialist@{agency}</c>).
/// </summary>
public static class OfficerRole
{
    /// <summary>Cán bộ một cửa: receives, checks and registers dossiers at the one-stop desk.</summary>
    public const string OneStopOfficer = "one-stop-officer";

    /// <summary>Chuyên viên: examines dossiers and drafts results.</summary>
    public const string Specialist = "specialist";

    /// <summary>Lãnh đạo phòng: reviews the specialist's proposal.</summary>
    public const string DepartmentHead = "department-head";

    /// <summary>Lãnh đạo đơn vị: approves and signs results.</summary>
    public const string UnitLeader = "unit-leader";

    /// <summary>Văn thư: numbers, stamps and issues documents.</summary>
    public const string Clerk = "clerk";

    /// <summary>Cán bộ thu phí: collects fees and charges.</summary>
    public const string FeeOfficer = "fee-officer";

    /// <summary>Cán bộ trả kết quả: returns results to applicants.</summary>
    public const string ResultReturnOfficer = "result-return-officer";

    /// <summary>Người thiết kế quy trình: manages workflow definitions and forms.</summary>
    public const string ProcedureDesigner = "procedure-designer";

    /// <summary>Quản trị hệ thống: manages accounts, grants, catalogues and integration clients.</summary>
    public const string Administrator = "administrator";

    /// <summary>Kiểm toán: reads the audit log and access statistics.</summary>
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All =
    [
        OneStopOfficer, Specialist, DepartmentHead, UnitLeader, Clerk, FeeOfficer, ResultReturnOfficer,
        ProcedureDesigner, Administrator, Auditor,
    ];

    /// <summary>Roles that act on the whole deployment rather than on one agency's dossiers.</summary>
    public static bool IsSystemWide(string role) => role is Administrator or Auditor or ProcedureDesigner;
}

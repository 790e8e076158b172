namespace PublicServicesBpm.Host.Features.Slips;

/// <summary>A slip model: its form number (01–06) and the schema that names its fields for templates.</summary>
internal interface ISlip<TSelf>
    where TSelf : ISlip<TSelf>
{
    static abstract SlipSchema<TSelf> Schema { get; }

    /// <summary>The dossier the slip is about, when it has a code yet: the QR code points at its public lookup.</summary>
    string? DossierCode { get; }
}

/// <summary>The agency that issues the slip; <paramref name="Locality"/> is the place name of the date line ("Hà Nội, ngày …").</summary>
internal sealed record SlipAgency(string Name, string? ParentName = null, string? Locality = null, string? Address = null, string? Phone = null);

/// <summary>The applicant (citizen, business, organisation, or the person authorised by them) as printed on a slip.</summary>
internal sealed record SlipApplicant(string Name, string? IdentityNumber = null, string? Address = null, string? Phone = null, string? Email = null);

/// <summary>The fields every slip shares, under the names <c>agency.*</c>, <c>applicant.*</c>, <c>dossierCode</c>, <c>issuedAt</c>.</summary>
internal static class SlipSchemaParts
{
    public static SlipSchema<T> Agency<T>(this SlipSchema<T> schema, Func<T, SlipAgency> agency) => schema
        .Text("agency.name", s => agency(s).Name)
        .Text("agency.parentName", s => agency(s).ParentName)
        .Text("agency.locality", s => agency(s).Locality)
        .Text("agency.address", s => agency(s).Address)
        .Text("agency.phone", s => agency(s).Phone);

    public static SlipSchema<T> Applicant<T>(this SlipSchema<T> schema, Func<T, SlipApplicant> applicant) => schema
        .Text("applicant.name", s => applicant(s).Name)
        .Text("applicant.identityNumber", s => applicant(s).IdentityNumber)
        .Text("applicant.address", s => applicant(s).Address)
        .Text("applicant.phone", s => applicant(s).Phone)
        .Text("applicant.email", s => applicant(s).Email);

    public static SlipSchema<T> Common<T>(this SlipSchema<T> schema)
        where T : ISlip<T>, IIssuedSlip => schema
        .Agency(s => s.Agency)
        .Text("dossierCode", s => s.DossierCode)
        .Instant("issuedAt", s => s.IssuedAt);
}

/// <summary>What every slip has: who issues it and when.</summary>
internal interface IIssuedSlip
{
    SlipAgency Agency { get; }

    DateTimeOffset IssuedAt { get; }
}

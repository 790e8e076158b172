using System.Diagnostics.CodeAnalysis;

namespace PublicServicesBpm.Engine.Feel;

/// <summary>The FEEL type of a <see cref="FeelValue"/>.</summary>
public enum FeelValueKind
{
    /// <summary>The null value; also the result of any failed evaluation.</summary>
    Null,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A decimal number (never binary floating point).</summary>
    Number,

    /// <summary>A Unicode string.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "FEEL itself names this type 'string'.")]
    String,

    /// <summary>An ordered list of values.</summary>
    List,

    /// <summary>An ordered map from names to values (FEEL "context").</summary>
    Context,

    /// <summary>A calendar date without time.</summary>
    Date,

    /// <summary>A time of day, optionally with a UTC offset.</summary>
    Time,

    /// <summary>A date and time, local or with an offset or zone.</summary>
    DateTime,

    /// <summary>A days-and-time duration such as P1DT2H.</summary>
    DaysTimeDuration,

    /// <summary>A years-and-months duration such as P1Y2M.</summary>
    YearsMonthsDuration,

    /// <summary>A range (interval) such as [1..5].</summary>
    Range,

    /// <summary>A function (built-in or defined in the expression).</summary>
    Function,
}

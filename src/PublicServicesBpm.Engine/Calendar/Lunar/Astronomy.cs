namespace PublicServicesBpm.Engine.Calendar.Lunar;

/// <summary>
/// The two astronomical quantities the lunisolar calendar needs: the instant of the k-th new moon and the
/// sun's apparent ecliptic longitude. Both follow the series published in J. Meeus, "Astronomical
/// Algorithms" (2nd ed.): chapter 49 (phases of the moon, about a minute of accuracy) and chapter 25
/// (the sun, low-accuracy method, about 0.01°, i.e. a quarter of an hour of the sun's motion).
/// Times are Julian Dates; "JDE" is Terrestrial Time, "JD" Universal Time.
/// </summary>
internal static class Astronomy
{
    /// <summary>The Julian Date of the mean new moon of 6 January 2000 (lunation k = 0).</summary>
    internal const double MeanNewMoonEpoch = 2451550.09766;

    /// <summary>The mean synodic month in days.</summary>
    internal const double SynodicMonth = 29.530588861;

    private const double Radians = Math.PI / 180.0;

    /// <summary>The Julian Day Number of a Gregorian date (the JD at its noon).</summary>
    internal static int DayNumber(DateOnly date) => date.DayNumber + 1721426;

    /// <summary>The Gregorian date of a Julian Day Number.</summary>
    internal static DateOnly FromDayNumber(int julianDayNumber) => DateOnly.FromDayNumber(julianDayNumber - 1721426);

    /// <summary>The Julian Day Number of the local date, in a zone <paramref name="utcOffsetHours"/> east of Greenwich, at the UT instant <paramref name="jd"/>.</summary>
    internal static int LocalDayNumber(double jd, double utcOffsetHours) => (int)Math.Floor(jd + 0.5 + (utcOffsetHours / 24.0));

    /// <summary>The UT Julian Date of local midnight that begins the day <paramref name="julianDayNumber"/>.</summary>
    internal static double LocalMidnight(int julianDayNumber, double utcOffsetHours) => julianDayNumber - 0.5 - (utcOffsetHours / 24.0);

    /// <summary>The UT Julian Date of the true new moon of lunation <paramref name="k"/> (k = 0 is January 2000).</summary>
    internal static double NewMoon(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        var t4 = t3 * t;
        var jde = MeanNewMoonEpoch + (SynodicMonth * k) + (0.00015437 * t2) - (0.000000150 * t3) + (0.00000000073 * t4);

        var e = 1 - (0.002516 * t) - (0.0000074 * t2);
        var m = (2.5534 + (29.10535670 * k) - (0.0000014 * t2) - (0.00000011 * t3)) * Radians;
        var mp = (201.5643 + (385.81693528 * k) + (0.0107582 * t2) + (0.00001238 * t3) - (0.000000058 * t4)) * Radians;
        var f = (160.7108 + (390.67050284 * k) - (0.0016118 * t2) - (0.00000227 * t3) + (0.000000011 * t4)) * Radians;
        var omega = (124.7746 - (1.56375588 * k) + (0.0020672 * t2) + (0.00000215 * t3)) * Radians;

        var correction =
            (-0.40720 * Math.Sin(mp))
            + (0.17241 * e * Math.Sin(m))
            + (0.01608 * Math.Sin(2 * mp))
            + (0.01039 * Math.Sin(2 * f))
            + (0.00739 * e * Math.Sin(mp - m))
            - (0.00514 * e * Math.Sin(mp + m))
            + (0.00208 * e * e * Math.Sin(2 * m))
            - (0.00111 * Math.Sin(mp - (2 * f)))
            - (0.00057 * Math.Sin(mp + (2 * f)))
            + (0.00056 * e * Math.Sin((2 * mp) + m))
            - (0.00042 * Math.Sin(3 * mp))
            + (0.00042 * e * Math.Sin(m + (2 * f)))
            + (0.00038 * e * Math.Sin(m - (2 * f)))
            - (0.00024 * e * Math.Sin((2 * mp) - m))
            - (0.00017 * Math.Sin(omega))
            - (0.00007 * Math.Sin(mp + (2 * m)))
            + (0.00004 * Math.Sin((2 * mp) - (2 * f)))
            + (0.00004 * Math.Sin(3 * m))
            + (0.00003 * Math.Sin(mp + m - (2 * f)))
            + (0.00003 * Math.Sin((2 * mp) + (2 * f)))
            - (0.00003 * Math.Sin(mp + m + (2 * f)))
            + (0.00003 * Math.Sin(mp - m + (2 * f)))
            - (0.00002 * Math.Sin(mp - m - (2 * f)))
            - (0.00002 * Math.Sin((3 * mp) + m))
            + (0.00002 * Math.Sin(4 * mp));

        jde += correction + PlanetaryCorrection(k, t2);
        return jde - (DeltaTSeconds(jde) / 86400.0);
    }

    /// <summary>The sun's apparent geocentric longitude, in degrees [0, 360), at the UT instant <paramref name="jd"/>.</summary>
    internal static double SunLongitude(double jd)
    {
        var jde = jd + (DeltaTSeconds(jd) / 86400.0);
        var t = (jde - 2451545.0) / 36525.0;
        var t2 = t * t;
        var meanLongitude = 280.46646 + (36000.76983 * t) + (0.0003032 * t2);
        var meanAnomaly = (357.52911 + (35999.05029 * t) - (0.0001537 * t2)) * Radians;
        var centre = ((1.914602 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(meanAnomaly))
            + ((0.019993 - (0.000101 * t)) * Math.Sin(2 * meanAnomaly))
            + (0.000289 * Math.Sin(3 * meanAnomaly));
        var omega = (125.04 - (1934.136 * t)) * Radians;
        var apparent = meanLongitude + centre - 0.00569 - (0.00478 * Math.Sin(omega));
        return Normalize(apparent);
    }

    /// <summary>
    /// ΔT = TT − UT in seconds, from the polynomials of Espenak and Meeus (NASA, 2006). Outside the observed
    /// era (after about 2010) this is an extrapolation; at worst a few minutes off by 2200.
    /// </summary>
    internal static double DeltaTSeconds(double jd)
    {
        var y = 2000.0 + ((jd - 2451544.5) / 365.2425);
        double t;
        switch (y)
        {
            case < 1860:
                {
                    var u = (y - 1820) / 100;
                    return -20 + (32 * u * u);
                }

            case < 1900:
                t = y - 1860;
                return 7.62 + (0.5737 * t) - (0.251754 * t * t) + (0.01680668 * t * t * t)
                    - (0.0004473624 * Math.Pow(t, 4)) + (Math.Pow(t, 5) / 233174);
            case < 1920:
                t = y - 1900;
                return -2.79 + (1.494119 * t) - (0.0598939 * t * t) + (0.0061966 * t * t * t) - (0.000197 * Math.Pow(t, 4));
            case < 1941:
                t = y - 1920;
                return 21.20 + (0.84493 * t) - (0.076100 * t * t) + (0.0020936 * t * t * t);
            case < 1961:
                t = y - 1950;
                return 29.07 + (0.407 * t) - (t * t / 233) + (t * t * t / 2547);
            case < 1986:
                t = y - 1975;
                return 45.45 + (1.067 * t) - (t * t / 260) - (t * t * t / 718);
            case < 2005:
                t = y - 2000;
                return 63.86 + (0.3345 * t) - (0.060374 * t * t) + (0.0017275 * t * t * t)
                    + (0.000651814 * Math.Pow(t, 4)) + (0.00002373599 * Math.Pow(t, 5));
            case < 2050:
                t = y - 2000;
                return 62.92 + (0.32217 * t) + (0.005589 * t * t);
            case < 2150:
                {
                    var u = (y - 1820) / 100;
                    return -20 + (32 * u * u) - (0.5628 * (2150 - y));
                }

            default:
                {
                    var u = (y - 1820) / 100;
                    return -20 + (32 * u * u);
                }
        }
    }

    // Meeus ch. 49: the fourteen small additional corrections, common to all phases.
    private static double PlanetaryCorrection(int k, double t2)
    {
        ReadOnlySpan<(double Coefficient, double Start, double Rate)> terms =
        [
            (0.000325, 299.77, 0.107408), (0.000165, 251.88, 0.016321), (0.000164, 251.83, 26.651886),
            (0.000126, 349.42, 36.412478), (0.000110, 84.66, 18.206239), (0.000062, 141.74, 53.303771),
            (0.000060, 207.14, 2.453732), (0.000056, 154.84, 7.306860), (0.000047, 34.52, 27.261239),
            (0.000042, 207.19, 0.121824), (0.000040, 291.34, 1.844379), (0.000037, 161.72, 24.198154),
            (0.000035, 239.56, 25.513099), (0.000023, 331.55, 3.592518),
        ];
        var sum = 0.0;
        for (var i = 0; i < terms.Length; i++)
        {
            var argument = terms[i].Start + (terms[i].Rate * k) - (i == 0 ? 0.009173 * t2 : 0);
            sum += terms[i].Coefficient * Math.Sin(argument * Radians);
        }

        return sum;
    }

    private static double Normalize(double degrees)
    {
        var d = degrees % 360.0;
        return d < 0 ? d + 360.0 : d;
    }
}

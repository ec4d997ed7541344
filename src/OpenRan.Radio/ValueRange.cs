namespace OpenRan.Radio;

/// <summary>A closed interval [<see cref="Minimum"/>, <see cref="Maximum"/>] of a physical quantity.</summary>
/// <param name="Minimum">The smallest allowed value.</param>
/// <param name="Maximum">The largest allowed value.</param>
public readonly record struct ValueRange(double Minimum, double Maximum)
{
    /// <summary>Whether <paramref name="value"/> lies in the range (NaN never does).</summary>
    public bool Contains(double value) => value >= Minimum && value <= Maximum;

    /// <summary>Formats as <c>min..max</c> with invariant culture.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Minimum:G}..{Maximum:G}");
}

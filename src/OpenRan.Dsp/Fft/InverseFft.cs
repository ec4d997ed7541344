namespace OpenRan.Dsp.Fft;

/// <summary>Exponent +j2πnk/N.</summary>
internal readonly struct InverseFft : IFftDirection
{
    public static bool IsInverse => true;
}

using System;
using System.Runtime.InteropServices;

namespace OpenRan.Dsp;

/// <summary>
/// A 16-bit signed complex sample (SC16, interleaved I then Q): the wire format of most SDRs
/// (UHD <c>sc16</c>, SoapySDR <c>CS16</c>, SigMF <c>ci16_le</c>).
/// </summary>
/// <remarks>
/// Conversions to and from <see cref="ComplexF32"/> live in <see cref="SampleConversion"/> and state their full-scale
/// factor explicitly: a float amplitude of ±<c>1/fullScale</c> maps to ±1 LSB, rounding is to nearest (ties to even)
/// and out-of-range values saturate to [−32768, 32767].
/// </remarks>
[StructLayout(LayoutKind.Sequential, Pack = 2)]
public readonly struct ComplexI16 : IEquatable<ComplexI16>
{
    /// <summary>The in-phase part.</summary>
    public readonly short Re;

    /// <summary>The quadrature part.</summary>
    public readonly short Im;

    /// <summary>Creates a sample from its parts.</summary>
    public ComplexI16(short re, short im)
    {
        Re = re;
        Im = im;
    }

    /// <summary>Equality of both parts.</summary>
    public static bool operator ==(ComplexI16 a, ComplexI16 b) => a.Equals(b);

    /// <summary>Inequality of either part.</summary>
    public static bool operator !=(ComplexI16 a, ComplexI16 b) => !a.Equals(b);

    /// <inheritdoc />
    public bool Equals(ComplexI16 other) => Re == other.Re && Im == other.Im;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ComplexI16 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => (Re << 16) | (ushort)Im;

    /// <inheritdoc />
    public override string ToString() => $"({Re},{Im})";
}

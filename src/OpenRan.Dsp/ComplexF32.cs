using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OpenRan.Dsp;

/// <summary>
/// A single-precision complex number laid out as two consecutive <see cref="float"/>s (real, imaginary): the baseband
/// sample and resource-element type of the whole pipeline.
/// </summary>
/// <remarks>
/// The layout is interleaved I/Q, identical to numpy <c>complex64</c>, C <c>float _Complex</c> and srsRAN <c>cf_t</c>,
/// so a <see cref="Span{T}"/> of it can be viewed as twice as many floats with <see cref="ComplexF32.AsFloats(Span{ComplexF32})"/>
/// and handed to vector kernels without copying.
/// </remarks>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct ComplexF32 : IEquatable<ComplexF32>
{
    /// <summary>The real (in-phase) part.</summary>
    public readonly float Re;

    /// <summary>The imaginary (quadrature) part.</summary>
    public readonly float Im;

    /// <summary>Creates a complex number from its real and imaginary parts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ComplexF32(float re, float im)
    {
        Re = re;
        Im = im;
    }

    /// <summary>Zero.</summary>
    public static ComplexF32 Zero => default;

    /// <summary>One.</summary>
    public static ComplexF32 One => new(1f, 0f);

    /// <summary>The imaginary unit j.</summary>
    public static ComplexF32 ImaginaryOne => new(0f, 1f);

    /// <summary>|z|², computed as Re² + Im².</summary>
    public float MagnitudeSquared
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (Re * Re) + (Im * Im);
    }

    /// <summary>|z|.</summary>
    public float Magnitude => MathF.Sqrt(MagnitudeSquared);

    /// <summary>The argument of z in radians, in (−π, π].</summary>
    public float Phase => MathF.Atan2(Im, Re);

    /// <summary>The complex conjugate.</summary>
    public ComplexF32 Conjugate
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(Re, -Im);
    }

    /// <summary>Returns e^(jφ) = cos φ + j sin φ, evaluated in double precision and rounded once.</summary>
    public static ComplexF32 FromPolar(double magnitude, double phaseRadians)
    {
        (double sin, double cos) = Math.SinCos(phaseRadians);
        return new ComplexF32((float)(magnitude * cos), (float)(magnitude * sin));
    }

    /// <summary>Converts a double-precision complex number, rounding each part to the nearest float.</summary>
    public static ComplexF32 FromComplex(System.Numerics.Complex value) => new((float)value.Real, (float)value.Imaginary);

    /// <summary>Widens to a double-precision <see cref="System.Numerics.Complex"/> (off the hot path only).</summary>
    public System.Numerics.Complex ToComplex() => new(Re, Im);

    /// <summary>Views a span of complex numbers as interleaved floats (re0, im0, re1, im1, ...), without copying.</summary>
    public static Span<float> AsFloats(Span<ComplexF32> values) => MemoryMarshal.Cast<ComplexF32, float>(values);

    /// <summary>Views a read-only span of complex numbers as interleaved floats, without copying.</summary>
    public static ReadOnlySpan<float> AsFloats(ReadOnlySpan<ComplexF32> values) => MemoryMarshal.Cast<ComplexF32, float>(values);

    /// <summary>Views interleaved floats as complex numbers, without copying. <paramref name="values"/> must have even length.</summary>
    /// <exception cref="ArgumentException">The length of <paramref name="values"/> is odd.</exception>
    public static Span<ComplexF32> FromFloats(Span<float> values)
    {
        if ((values.Length & 1) != 0)
        {
            ThrowHelper.ThrowArgument(nameof(values), $"interleaved I/Q needs an even number of floats; got {values.Length}");
        }

        return MemoryMarshal.Cast<float, ComplexF32>(values);
    }

    /// <summary>Complex addition.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF32 operator +(ComplexF32 a, ComplexF32 b) => new(a.Re + b.Re, a.Im + b.Im);

    /// <summary>Complex subtraction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF32 operator -(ComplexF32 a, ComplexF32 b) => new(a.Re - b.Re, a.Im - b.Im);

    /// <summary>Negation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF32 operator -(ComplexF32 a) => new(-a.Re, -a.Im);

    /// <summary>Complex multiplication: (a.Re·b.Re − a.Im·b.Im) + j(a.Re·b.Im + a.Im·b.Re).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF32 operator *(ComplexF32 a, ComplexF32 b) =>
        new((a.Re * b.Re) - (a.Im * b.Im), (a.Re * b.Im) + (a.Im * b.Re));

    /// <summary>Scaling by a real number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF32 operator *(ComplexF32 a, float s) => new(a.Re * s, a.Im * s);

    /// <summary>Scaling by a real number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF32 operator *(float s, ComplexF32 a) => new(a.Re * s, a.Im * s);

    /// <summary>Division by a real number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF32 operator /(ComplexF32 a, float s) => new(a.Re / s, a.Im / s);

    /// <summary>Complex division a / b (b ≠ 0).</summary>
    public static ComplexF32 operator /(ComplexF32 a, ComplexF32 b)
    {
        float d = b.MagnitudeSquared;
        return new(((a.Re * b.Re) + (a.Im * b.Im)) / d, ((a.Im * b.Re) - (a.Re * b.Im)) / d);
    }

    /// <summary>a · conj(b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ComplexF32 MultiplyConjugate(ComplexF32 a, ComplexF32 b) =>
        new((a.Re * b.Re) + (a.Im * b.Im), (a.Im * b.Re) - (a.Re * b.Im));

    /// <summary>Bitwise equality of both parts.</summary>
    public static bool operator ==(ComplexF32 a, ComplexF32 b) => a.Equals(b);

    /// <summary>Bitwise inequality of either part.</summary>
    public static bool operator !=(ComplexF32 a, ComplexF32 b) => !a.Equals(b);

    /// <inheritdoc />
    public bool Equals(ComplexF32 other) => Re.Equals(other.Re) && Im.Equals(other.Im);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ComplexF32 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Re, Im);

    /// <summary>Formats as <c>a+bj</c> with invariant culture.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Re:G9}{(Im < 0 || float.IsNegative(Im) ? "-" : "+")}{MathF.Abs(Im):G9}j");
}

using System;
using System.Numerics;
using OpenRan.Dsp;

namespace OpenRan.Phy.Upper.Channels.Prach;

/// <summary>
/// The PRACH Zadoff–Chu sequences of TS 38.211 §6.3.3.1: x_u(i) = e^(−jπ·u·i·(i+1)/L_RA), the cyclically shifted
/// x_{u,v}(n) = x_u((n + C_v) mod L_RA) and its frequency-domain form y_{u,v}(n) = Σ_m x_{u,v}(m)·e^(−j2πmn/L_RA)
/// (unnormalised, |y| = √L_RA). Computed in double precision with exact integer phase indices; used at configuration
/// time only.
/// </summary>
public static class PrachSequence
{
    /// <summary>Writes x_u(i), i = 0..L_RA−1.</summary>
    /// <param name="u">The sequence number, 1..L_RA−1.</param>
    /// <param name="length">L_RA (839 or 139; any odd length works).</param>
    /// <param name="destination">L_RA values.</param>
    public static void TimeDomain(int u, int length, Span<Complex> destination)
    {
        Check(u, length, destination.Length);
        for (long i = 0; i < length; i++)
        {
            // u·i·(i+1)/2 is an integer; the phase is −2π·(that mod L)/L.
            long index = PhaseIndex(u, i, length);
            destination[(int)i] = Complex.FromPolarCoordinates(1.0, -2.0 * Math.PI * index / length);
        }
    }

    /// <summary>Writes y_u(n) = y_{u,0}(n), the DFT of x_u, n = 0..L_RA−1 (|y| = √L_RA).</summary>
    /// <remarks>
    /// In O(L_RA) by the Zadoff–Chu shift property: x_u(m + d) = x_u(m)·x_u(d)·e^(−j2π·u·d·m/L_RA), so with
    /// d = u⁻¹·n mod L_RA the DFT at n is a cyclic shift of the sum: y_u(n) = y_u(0)·x_u(d)* (u coprime to L_RA, which
    /// every L_RA of TS 38.211 Table 6.3.3.1-1/-2, a prime, guarantees). Other lengths take the direct O(L_RA²) sum.
    /// </remarks>
    public static void FrequencyDomain(int u, int length, Span<Complex> destination)
    {
        Check(u, length, destination.Length);
        long inverse = ModularInverse(u, length);
        if (inverse < 0)
        {
            DirectDft(u, length, destination);
            return;
        }

        Complex dc = Complex.Zero;
        for (long m = 0; m < length; m++)
        {
            dc += Complex.FromPolarCoordinates(1.0, -2.0 * Math.PI * PhaseIndex(u, m, length) / length);
        }

        for (long n = 0; n < length; n++)
        {
            long d = inverse * n % length;
            destination[(int)n] = dc * Complex.FromPolarCoordinates(1.0, 2.0 * Math.PI * PhaseIndex(u, d, length) / length);
        }
    }

    /// <summary>The DFT of x_u by its definition, O(L_RA²) (the oracle of <see cref="FrequencyDomain"/>).</summary>
    internal static void DirectDft(int u, int length, Span<Complex> destination)
    {
        Check(u, length, destination.Length);
        var x = new Complex[length];
        TimeDomain(u, length, x);
        var twiddle = new Complex[length];
        for (int k = 0; k < length; k++)
        {
            twiddle[k] = Complex.FromPolarCoordinates(1.0, -2.0 * Math.PI * k / length);
        }

        for (int n = 0; n < length; n++)
        {
            Complex sum = Complex.Zero;
            long step = n;
            long index = 0;
            for (int m = 0; m < length; m++)
            {
                sum += x[m] * twiddle[index];
                index += step;
                if (index >= length)
                {
                    index %= length;
                }
            }

            destination[n] = sum;
        }
    }

    /// <summary>u·i·(i+1)/2 mod L_RA: x_u(i) = e^(−j2π·that/L_RA).</summary>
    private static long PhaseIndex(long u, long i, long length) => u * (i * (i + 1) / 2 % length) % length;

    /// <summary>u⁻¹ mod <paramref name="length"/>, or −1 when u and the length share a factor.</summary>
    private static long ModularInverse(long u, long length)
    {
        long r0 = length, r1 = u % length, t0 = 0, t1 = 1;
        while (r1 != 0)
        {
            long q = r0 / r1;
            (r0, r1) = (r1, r0 - (q * r1));
            (t0, t1) = (t1, t0 - (q * t1));
        }

        return r0 != 1 ? -1 : (t0 % length + length) % length;
    }

    /// <summary>
    /// Writes y_{u,v}(n) = e^(j2π·C_v·n/L_RA)·y_u(n) (the DFT of the cyclic shift by C_v) from y_u, as single precision.
    /// </summary>
    /// <param name="root">y_u, L_RA values.</param>
    /// <param name="cyclicShift">C_v, 0..L_RA−1.</param>
    /// <param name="destination">L_RA values.</param>
    public static void Shift(ReadOnlySpan<Complex> root, int cyclicShift, Span<ComplexF32> destination)
    {
        int length = root.Length;
        ThrowHelper.ThrowIfOutside(cyclicShift, 0, length - 1);
        ThrowHelper.ThrowIfLengthDiffers(destination.Length, length, nameof(destination));
        long index = 0;
        for (int n = 0; n < length; n++)
        {
            Complex value = root[n] * Complex.FromPolarCoordinates(1.0, 2.0 * Math.PI * index / length);
            destination[n] = new ComplexF32((float)value.Real, (float)value.Imaginary);
            index = (index + cyclicShift) % length;
        }
    }

    private static void Check(int u, int length, int destinationLength)
    {
        if (length < 3)
        {
            ThrowHelper.ThrowOutOfRange(nameof(length), length, "≥ 3 (L_RA = 139 or 839)");
        }

        ThrowHelper.ThrowIfOutside(u, 1, length - 1);
        ThrowHelper.ThrowIfLengthDiffers(destinationLength, length, "destination");
    }
}

using System;
using System.Collections.Generic;
using System.Numerics;
using OpenRan.Dsp;
using OpenRan.Phy.Common;

namespace OpenRan.Phy.Upper.ChannelEstimation;

/// <summary>
/// Wiener (linear MMSE) interpolation of equally spaced pilot estimates to every subcarrier:
/// ĥ(x) = r_xp·(R_pp + σ_p²/P_h·I)^{-1}·ĥ_p over the nearest N pilots, with the frequency correlation of an exponential
/// power-delay profile of rms delay spread τ whose mean delay has been removed (the estimator compensates the timing
/// offset): ρ(Δf) = e^{j2πΔfτ}/(1 + j2πΔfτ).
/// </summary>
/// <remarks>
/// Filters depend only on the pilot spacing, the window length, the output position relative to the window, the
/// pilot SNR (quantised to 3 dB bins from −9 to 51 dB) and τ·Δf, so they are designed once (double precision,
/// Gaussian elimination) on first use and cached. Not thread-safe.
/// </remarks>
internal sealed class WienerInterpolator
{
    private readonly Dictionary<(int Spacing, int Taps, int SnrBin, long TauKey), ComplexF32[]?[]> _banks = [];

    /// <summary>Interpolates the pilots of every cluster of <paramref name="pattern"/> into <paramref name="output"/> (allocation coordinates).</summary>
    /// <param name="pattern">The DM-RS pattern (pilot spacing, clusters, subcarrier spacing).</param>
    /// <param name="pilots">One despread value per pair of CDM group <paramref name="group"/>.</param>
    /// <param name="group">λ, which places the pairs.</param>
    /// <param name="pilotNoise">Noise variance of a despread pilot.</param>
    /// <param name="delaySpreadSeconds">τ_rms of the assumed exponential power-delay profile.</param>
    /// <param name="taps">Pilots per filter.</param>
    /// <param name="output">Receives one value per allocated subcarrier.</param>
    public void Interpolate(DmrsPattern pattern, ReadOnlySpan<ComplexF32> pilots, int group, float pilotNoise, double delaySpreadSeconds, int taps, Span<ComplexF32> output)
    {
        int pairsPerPrb = pattern.PilotsPerBlock;
        int spacing = pattern.PilotSpacing;
        double firstOffset = pattern.FirstPilotSubcarrier(group);
        double subcarrierSpacingHz = pattern.SubcarrierSpacingHz;

        // Pilot SNR from the mean pilot power less its noise.
        float power = ComplexKernels.SumOfMagnitudesSquared(pilots) / pilots.Length;
        float signal = Math.Max(power - pilotNoise, power * 1e-3f);
        double snrDb = pilotNoise > 0 ? 10 * Math.Log10(signal / pilotNoise) : 51;
        int snrBin = (int)Math.Clamp(Math.Round(snrDb / 3), -3, 17);
        double relativeNoise = Math.Pow(10, -snrBin * 3 / 10.0);
        double tauScs = delaySpreadSeconds * subcarrierSpacingHz;
        long tauKey = (long)Math.Round(tauScs * 1e9);

        foreach ((int first, int blocks) in pattern.Clusters)
        {
            int count = blocks * pairsPerPrb;
            int n = Math.Min(taps, count);
            ReadOnlySpan<ComplexF32> cluster = pilots.Slice(first * pairsPerPrb, count);
            Span<ComplexF32> rowPart = output.Slice(first * NrConstants.SubcarriersPerRb, blocks * NrConstants.SubcarriersPerRb);
            ComplexF32[]?[] bank = Bank(spacing, n, snrBin, tauKey);
            for (int x = 0; x < rowPart.Length; x++)
            {
                int start = Math.Clamp((int)Math.Floor((x - firstOffset) / spacing) - (n / 2) + 1, 0, count - n);
                double d = x - (firstOffset + (start * spacing));
                int key = (int)Math.Round(2 * (d + spacing));
                ComplexF32[] filter = bank[key] ??= Design(spacing, n, d, relativeNoise, tauScs);
                ComplexF32 sum = ComplexF32.Zero;
                for (int j = 0; j < n; j++)
                {
                    sum += filter[j] * cluster[start + j];
                }

                rowPart[x] = sum;
            }
        }
    }

    private ComplexF32[]?[] Bank(int spacing, int taps, int snrBin, long tauKey)
    {
        if (!_banks.TryGetValue((spacing, taps, snrBin, tauKey), out ComplexF32[]?[]? bank))
        {
            // Output offsets d range over [−spacing, (taps + 1)·spacing] in half subcarriers.
            bank = new ComplexF32[]?[(2 * (taps + 2) * spacing) + 2];
            _banks.Add((spacing, taps, snrBin, tauKey), bank);
        }

        return bank;
    }

    /// <summary>c = (R_pp + σ²I)^{-T}·r_xp for pilots at 0, s, …, (n−1)s and the output at d (subcarriers).</summary>
    internal static ComplexF32[] Design(int spacing, int taps, double d, double relativeNoise, double tauScs)
    {
        var a = new Complex[taps, taps];
        var rhs = new Complex[taps];
        for (int i = 0; i < taps; i++)
        {
            for (int j = 0; j < taps; j++)
            {
                // Transposed system: A^T c = r with A[i, j] = ρ(q_i − q_j) + σ²δ_ij.
                a[j, i] = Correlation((i - j) * spacing, tauScs) + (i == j ? relativeNoise : 0);
            }

            rhs[i] = Correlation(d - (i * spacing), tauScs);
        }

        Complex[] c = Solve(a, rhs);
        var filter = new ComplexF32[taps];
        for (int i = 0; i < taps; i++)
        {
            filter[i] = ComplexF32.FromComplex(c[i]);
        }

        return filter;
    }

    /// <summary>ρ(Δk) = E[h(k + Δk)·h*(k)] = e^{j2πΔkΔfτ}/(1 + j2πΔkΔfτ).</summary>
    private static Complex Correlation(double deltaSubcarriers, double tauScs)
    {
        double w = 2 * Math.PI * deltaSubcarriers * tauScs;
        return Complex.FromPolarCoordinates(1, w) / new Complex(1, w);
    }

    /// <summary>Solves a·x = b by Gaussian elimination with partial pivoting (a and b are overwritten).</summary>
    private static Complex[] Solve(Complex[,] a, Complex[] b)
    {
        int n = b.Length;
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
            {
                if (a[r, col].Magnitude > a[pivot, col].Magnitude)
                {
                    pivot = r;
                }
            }

            if (pivot != col)
            {
                for (int c = 0; c < n; c++)
                {
                    (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            for (int r = col + 1; r < n; r++)
            {
                Complex f = a[r, col] / a[col, col];
                for (int c = col; c < n; c++)
                {
                    a[r, c] -= f * a[col, c];
                }

                b[r] -= f * b[col];
            }
        }

        var x = new Complex[n];
        for (int r = n - 1; r >= 0; r--)
        {
            Complex sum = b[r];
            for (int c = r + 1; c < n; c++)
            {
                sum -= a[r, c] * x[c];
            }

            x[r] = sum / a[r, r];
        }

        return x;
    }
}

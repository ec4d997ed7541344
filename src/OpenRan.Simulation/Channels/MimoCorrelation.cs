using System;
using MathNet.Numerics.LinearAlgebra;
using OpenRan.Dsp;

namespace OpenRan.Simulation.Channels;

/// <summary>
/// The Kronecker spatial-correlation model of the NR performance requirements for uniform linear arrays
/// (TS 38.104 Annex G.2.3.1 for uplink, TS 38.101-4 Annex B.2.3.1 for downlink): R_spat = R_Tx ⊗ R_Rx, where the
/// N-antenna correlation matrix of one side has entries R[i, j] = ρ^((|i − j| / (N − 1))²) with ρ = α at the gNB and
/// ρ = β at the UE. The fading processes of the Tx·Rx links of every tap are coloured by a square root C of R_spat
/// (C·Cᵀ = R_spat), computed once at construction.
/// </summary>
/// <remarks>
/// Link ordering follows vec(H) of the N_Rx × N_Tx channel matrix (column-major): link index m = t·N_Rx + r.
/// α and β per level: TS 38.104 Table G.2.3.1.2-1 (uplink: low 0/0, medium 0.9/0.3, high 0.9/0.9) and TS 38.101-4
/// Table B.2.3.1.2-1 (downlink: low 0/0, medium 0.3/0.9, medium-A 0.3/0.3874, high 0.9/0.9), α for the gNB and β for the
/// UE. The specs round their tabulated matrices to 4 digits and, for the cases where that rounding breaks positive
/// semi-definiteness, replace R by (R + a·I)/(1 + a); the same diagonal loading is applied here for those cases
/// (uplink: 2×4 high a = 0.00010, 4×4 high and 4×4 medium a = 0.00012; downlink: 4×2 high a = 0.00010, 4×4 high
/// a = 0.00012, 2×4 medium a = 0.00010, 4×4 medium a = 0.00012; N_Tx × N_Rx). The square root is the Cholesky factor
/// (MathNet) when R is numerically positive definite, otherwise the symmetric square root V·√Λ·Vᵀ from an eigen-
/// decomposition with negative round-off eigenvalues set to zero (e.g. 8 antennas at high correlation).
/// </remarks>
public sealed class MimoCorrelation
{
    private readonly double[] _spatial;
    private readonly double[] _factor;

    private MimoCorrelation(double alpha, double beta, LinkDirection direction, int txAntennaCount, int rxAntennaCount, double diagonalLoading, string description)
    {
        Alpha = alpha;
        Beta = beta;
        Direction = direction;
        TxAntennaCount = txAntennaCount;
        RxAntennaCount = rxAntennaCount;
        DiagonalLoading = diagonalLoading;
        Description = description;

        double[,] rTx = AntennaCorrelation(txAntennaCount, direction == LinkDirection.Uplink ? beta : alpha);
        double[,] rRx = AntennaCorrelation(rxAntennaCount, direction == LinkDirection.Uplink ? alpha : beta);
        int m = txAntennaCount * rxAntennaCount;
        _spatial = new double[m * m];
        for (int t1 = 0; t1 < txAntennaCount; t1++)
        {
            for (int r1 = 0; r1 < rxAntennaCount; r1++)
            {
                for (int t2 = 0; t2 < txAntennaCount; t2++)
                {
                    for (int r2 = 0; r2 < rxAntennaCount; r2++)
                    {
                        int i = (t1 * rxAntennaCount) + r1;
                        int j = (t2 * rxAntennaCount) + r2;
                        double value = rTx[t1, t2] * rRx[r1, r2];
                        _spatial[(i * m) + j] = (value + (i == j ? diagonalLoading : 0)) / (1 + diagonalLoading);
                    }
                }
            }
        }

        _factor = SquareRoot(_spatial, m, out bool identity);
        IsIdentity = identity;
    }

    /// <summary>The gNB correlation parameter α.</summary>
    public double Alpha { get; }

    /// <summary>The UE correlation parameter β.</summary>
    public double Beta { get; }

    /// <summary>The link direction (which side is the transmitter).</summary>
    public LinkDirection Direction { get; }

    /// <summary>Transmit antennas N_Tx.</summary>
    public int TxAntennaCount { get; }

    /// <summary>Receive antennas N_Rx.</summary>
    public int RxAntennaCount { get; }

    /// <summary>The diagonal loading a applied as (R + a·I)/(1 + a), 0 when none.</summary>
    public double DiagonalLoading { get; }

    /// <summary>A short description for reports, e.g. <c>low (α = 0, β = 0)</c>.</summary>
    public string Description { get; }

    /// <summary>True when R_spat is the identity (independent links), so no colouring is needed.</summary>
    public bool IsIdentity { get; }

    /// <summary>Number of links N_Tx · N_Rx (the size of R_spat).</summary>
    public int LinkCount => TxAntennaCount * RxAntennaCount;

    /// <summary>R_spat[i, j] for link indices i, j (m = t·N_Rx + r).</summary>
    public double Spatial(int i, int j) => _spatial[(i * LinkCount) + j];

    /// <summary>The square-root factor C[i, j] (C·Cᵀ = R_spat).</summary>
    public double Factor(int i, int j) => _factor[(i * LinkCount) + j];

    /// <summary>The factor as a row-major array (read-only use).</summary>
    internal ReadOnlySpan<double> FactorRowMajor => _factor;

    /// <summary>Independent links: R_spat = I.</summary>
    public static MimoCorrelation Independent(int txAntennaCount, int rxAntennaCount) =>
        FromParameters(0, 0, LinkDirection.Uplink, txAntennaCount, rxAntennaCount);

    /// <summary>The correlation of a named level for a direction and antenna configuration.</summary>
    /// <param name="level">Low, medium, medium-A (downlink only) or high.</param>
    /// <param name="direction">Uplink (TS 38.104) or downlink (TS 38.101-4).</param>
    /// <param name="txAntennaCount">N_Tx: 1, 2, 4 or 8.</param>
    /// <param name="rxAntennaCount">N_Rx: 1, 2, 4 or 8.</param>
    public static MimoCorrelation FromLevel(MimoCorrelationLevel level, LinkDirection direction, int txAntennaCount, int rxAntennaCount)
    {
        (double alpha, double beta) = (level, direction) switch
        {
            (MimoCorrelationLevel.Low, _) => (0.0, 0.0),
            (MimoCorrelationLevel.Medium, LinkDirection.Uplink) => (0.9, 0.3),
            (MimoCorrelationLevel.Medium, LinkDirection.Downlink) => (0.3, 0.9),
            (MimoCorrelationLevel.MediumA, LinkDirection.Downlink) => (0.3, 0.3874),
            (MimoCorrelationLevel.High, _) => (0.9, 0.9),
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "medium-A correlation is defined for the downlink only (TS 38.101-4 Table B.2.3.1.2-1)."),
        };

        double a = SpecDiagonalLoading(level, direction, txAntennaCount, rxAntennaCount);
        string name = level switch
        {
            MimoCorrelationLevel.Low => "low",
            MimoCorrelationLevel.Medium => "medium",
            MimoCorrelationLevel.MediumA => "medium-A",
            _ => "high",
        };
        ValidateAntennas(txAntennaCount, rxAntennaCount);
        return new MimoCorrelation(alpha, beta, direction, txAntennaCount, rxAntennaCount, a,
            FormattableString.Invariant($"{name} (α = {alpha}, β = {beta})"));
    }

    /// <summary>A custom correlation with gNB parameter <paramref name="alpha"/> and UE parameter <paramref name="beta"/>, both in [0, 1].</summary>
    public static MimoCorrelation FromParameters(double alpha, double beta, LinkDirection direction, int txAntennaCount, int rxAntennaCount)
    {
        if (!(alpha >= 0 && alpha <= 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(alpha), alpha, "0..1");
        }

        if (!(beta >= 0 && beta <= 1))
        {
            ThrowHelper.ThrowOutOfRange(nameof(beta), beta, "0..1");
        }

        ValidateAntennas(txAntennaCount, rxAntennaCount);
        return new MimoCorrelation(alpha, beta, direction, txAntennaCount, rxAntennaCount, 0,
            FormattableString.Invariant($"custom (α = {alpha}, β = {beta})"));
    }

    /// <summary>
    /// The N-antenna correlation matrix of one side with parameter ρ: R[i, j] = ρ^((|i − j| / (N − 1))²), e.g. for N = 4
    /// the first row is (1, ρ^(1/9), ρ^(4/9), ρ) (TS 38.104 Table G.2.3.1.1-1).
    /// </summary>
    public static double[,] AntennaCorrelation(int antennaCount, double rho)
    {
        var r = new double[antennaCount, antennaCount];
        for (int i = 0; i < antennaCount; i++)
        {
            for (int j = 0; j < antennaCount; j++)
            {
                if (i == j)
                {
                    r[i, j] = 1;
                }
                else
                {
                    double d = Math.Abs(i - j) / (double)(antennaCount - 1);
                    r[i, j] = Math.Pow(rho, d * d);
                }
            }
        }

        return r;
    }

    private static double SpecDiagonalLoading(MimoCorrelationLevel level, LinkDirection direction, int tx, int rx) =>
        (level, direction, tx, rx) switch
        {
            (MimoCorrelationLevel.High, LinkDirection.Uplink, 2, 4) => 0.00010,
            (MimoCorrelationLevel.High, LinkDirection.Uplink, 4, 4) => 0.00012,
            (MimoCorrelationLevel.Medium, LinkDirection.Uplink, 4, 4) => 0.00012,
            (MimoCorrelationLevel.High, LinkDirection.Downlink, 4, 2) => 0.00010,
            (MimoCorrelationLevel.High, LinkDirection.Downlink, 4, 4) => 0.00012,
            (MimoCorrelationLevel.Medium, LinkDirection.Downlink, 2, 4) => 0.00010,
            (MimoCorrelationLevel.Medium, LinkDirection.Downlink, 4, 4) => 0.00012,
            _ => 0,
        };

    private static void ValidateAntennas(int tx, int rx)
    {
        if (tx is not (1 or 2 or 4 or 8))
        {
            ThrowHelper.ThrowOutOfRange("txAntennaCount", tx, "1, 2, 4 or 8");
        }

        if (rx is not (1 or 2 or 4 or 8))
        {
            ThrowHelper.ThrowOutOfRange("rxAntennaCount", rx, "1, 2, 4 or 8");
        }
    }

    private static double[] SquareRoot(double[] spatial, int m, out bool identity)
    {
        identity = true;
        for (int i = 0; i < m && identity; i++)
        {
            for (int j = 0; j < m; j++)
            {
                if (Math.Abs(spatial[(i * m) + j] - (i == j ? 1.0 : 0.0)) > 1e-15)
                {
                    identity = false;
                    break;
                }
            }
        }

        var factor = new double[m * m];
        if (identity)
        {
            for (int i = 0; i < m; i++)
            {
                factor[(i * m) + i] = 1;
            }

            return factor;
        }

        Matrix<double> r = Matrix<double>.Build.Dense(m, m, (i, j) => spatial[(i * m) + j]);
        Matrix<double> c;
        try
        {
            c = r.Cholesky().Factor;
        }
        catch (ArgumentException)
        {
            // Not numerically positive definite: symmetric square root with round-off eigenvalues clamped at zero.
            var evd = r.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
            Matrix<double> v = evd.EigenVectors;
            Vector<double> lambda = evd.EigenValues.Real();
            Matrix<double> sqrtLambda = Matrix<double>.Build.DenseDiagonal(m, m, i => Math.Sqrt(Math.Max(0, lambda[i])));
            c = v * sqrtLambda * v.Transpose();
        }

        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < m; j++)
            {
                factor[(i * m) + j] = c[i, j];
            }
        }

        return factor;
    }
}

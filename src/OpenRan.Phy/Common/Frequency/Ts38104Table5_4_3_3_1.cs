namespace OpenRan.Phy.Common.Frequency;

/// <summary>
/// Applicable SS raster entries per operating band: TS 38.104 Table 5.4.3.3-1 (FR1) and Table 5.4.3.3-2 (FR2-1),
/// Release 17 — SSB subcarrier spacing, block pattern (TS 38.213 §4.1) and GSCN &lt;first – step – last&gt;, some rows
/// only for a range of channel bandwidths (MHz, inclusive; 0..int.MaxValue for all), plus the bands whose GSCNs are an
/// explicit list (the table's notes).
/// </summary>
internal static class Ts38104Table5_4_3_3_1
{
    public static readonly (int Band, int ScsKhz, SsbPattern Pattern, int First, int Step, int Last, int MinBandwidthMhz, int MaxBandwidthMhz)[] Ranges =
    [
        (1, 15, SsbPattern.CaseA, 5279, 1, 5419, 0, int.MaxValue),
        (2, 15, SsbPattern.CaseA, 4829, 1, 4969, 0, int.MaxValue),
        (3, 15, SsbPattern.CaseA, 4517, 1, 4693, 0, int.MaxValue),
        (5, 15, SsbPattern.CaseA, 2177, 1, 2230, 0, int.MaxValue),
        (5, 30, SsbPattern.CaseB, 2183, 1, 2224, 0, int.MaxValue),
        (7, 15, SsbPattern.CaseA, 6554, 1, 6718, 0, int.MaxValue),
        (8, 15, SsbPattern.CaseA, 2318, 1, 2395, 0, int.MaxValue),
        (12, 15, SsbPattern.CaseA, 1828, 1, 1858, 0, int.MaxValue),
        (13, 15, SsbPattern.CaseA, 1871, 1, 1885, 0, int.MaxValue),
        (14, 15, SsbPattern.CaseA, 1901, 1, 1915, 0, int.MaxValue),
        (18, 15, SsbPattern.CaseA, 2156, 1, 2182, 0, int.MaxValue),
        (20, 15, SsbPattern.CaseA, 1982, 1, 2047, 0, int.MaxValue),
        (24, 15, SsbPattern.CaseA, 3818, 1, 3892, 0, int.MaxValue),
        (24, 30, SsbPattern.CaseB, 3824, 1, 3886, 0, int.MaxValue),
        (25, 15, SsbPattern.CaseA, 4829, 1, 4981, 0, int.MaxValue),
        (26, 15, SsbPattern.CaseA, 2153, 1, 2230, 0, int.MaxValue),
        (28, 15, SsbPattern.CaseA, 1901, 1, 2002, 0, int.MaxValue),
        (29, 15, SsbPattern.CaseA, 1798, 1, 1813, 0, int.MaxValue),
        (30, 15, SsbPattern.CaseA, 5879, 1, 5893, 0, int.MaxValue),
        (34, 30, SsbPattern.CaseC, 5036, 1, 5050, 0, int.MaxValue),
        (38, 30, SsbPattern.CaseC, 6437, 1, 6538, 0, int.MaxValue),
        (39, 30, SsbPattern.CaseC, 4712, 1, 4789, 0, int.MaxValue),
        (40, 30, SsbPattern.CaseC, 5762, 1, 5989, 0, int.MaxValue),
        (41, 15, SsbPattern.CaseA, 6246, 3, 6717, 0, int.MaxValue),
        (41, 30, SsbPattern.CaseC, 6252, 3, 6714, 0, int.MaxValue),
        (48, 30, SsbPattern.CaseC, 7884, 1, 7982, 0, int.MaxValue),
        (50, 30, SsbPattern.CaseC, 3590, 1, 3781, 0, int.MaxValue),
        (51, 15, SsbPattern.CaseA, 3572, 1, 3574, 0, int.MaxValue),
        (53, 15, SsbPattern.CaseA, 6215, 1, 6232, 0, int.MaxValue),
        (65, 15, SsbPattern.CaseA, 5279, 1, 5494, 0, int.MaxValue),
        (66, 15, SsbPattern.CaseA, 5279, 1, 5494, 0, int.MaxValue),
        (66, 30, SsbPattern.CaseB, 5285, 1, 5488, 0, int.MaxValue),
        (67, 15, SsbPattern.CaseA, 1850, 1, 1888, 0, int.MaxValue),
        (70, 15, SsbPattern.CaseA, 4993, 1, 5044, 0, int.MaxValue),
        (71, 15, SsbPattern.CaseA, 1547, 1, 1624, 0, int.MaxValue),
        (74, 15, SsbPattern.CaseA, 3692, 1, 3790, 0, int.MaxValue),
        (75, 15, SsbPattern.CaseA, 3584, 1, 3787, 0, int.MaxValue),
        (76, 15, SsbPattern.CaseA, 3572, 1, 3574, 0, int.MaxValue),
        (77, 30, SsbPattern.CaseC, 7711, 1, 8329, 0, int.MaxValue),
        (78, 30, SsbPattern.CaseC, 7711, 1, 8051, 0, int.MaxValue),
        (79, 30, SsbPattern.CaseC, 8475, 1, 8884, 0, 39),
        (79, 30, SsbPattern.CaseC, 8480, 16, 8880, 40, int.MaxValue),
        (85, 15, SsbPattern.CaseA, 1826, 1, 1858, 0, int.MaxValue),
        (90, 15, SsbPattern.CaseA, 6245, 1, 6718, 0, 9),
        (90, 15, SsbPattern.CaseA, 6246, 3, 6717, 10, int.MaxValue),
        (90, 30, SsbPattern.CaseC, 6252, 1, 6714, 0, int.MaxValue),
        (91, 15, SsbPattern.CaseA, 3572, 1, 3574, 0, int.MaxValue),
        (92, 15, SsbPattern.CaseA, 3584, 1, 3787, 0, int.MaxValue),
        (93, 15, SsbPattern.CaseA, 3572, 1, 3574, 0, int.MaxValue),
        (94, 15, SsbPattern.CaseA, 3584, 1, 3787, 0, int.MaxValue),
        (100, 15, SsbPattern.CaseA, 2303, 1, 2307, 0, int.MaxValue),
        (101, 15, SsbPattern.CaseA, 4754, 1, 4768, 0, int.MaxValue),
        (101, 30, SsbPattern.CaseC, 4760, 1, 4764, 0, int.MaxValue),
        (104, 30, SsbPattern.CaseC, 9882, 7, 10358, 0, int.MaxValue),

        // FR2-1, TS 38.104 Table 5.4.3.3-2.
        (257, 120, SsbPattern.CaseD, 22388, 1, 22558, 0, int.MaxValue),
        (257, 240, SsbPattern.CaseE, 22390, 2, 22556, 0, int.MaxValue),
        (258, 120, SsbPattern.CaseD, 22257, 1, 22443, 0, int.MaxValue),
        (258, 240, SsbPattern.CaseE, 22258, 2, 22442, 0, int.MaxValue),
        (259, 120, SsbPattern.CaseD, 23140, 1, 23369, 0, int.MaxValue),
        (259, 240, SsbPattern.CaseE, 23142, 2, 23368, 0, int.MaxValue),
        (260, 120, SsbPattern.CaseD, 22995, 1, 23166, 0, int.MaxValue),
        (260, 240, SsbPattern.CaseE, 22996, 2, 23164, 0, int.MaxValue),
        (261, 120, SsbPattern.CaseD, 22446, 1, 22492, 0, int.MaxValue),
        (261, 240, SsbPattern.CaseE, 22446, 2, 22490, 0, int.MaxValue),
    ];

    public static readonly (int Band, int ScsKhz, SsbPattern Pattern, int[] Gscns)[] Sets =
    [
        (34, 15, SsbPattern.CaseA, [5032, 5043, 5054]),
        (38, 15, SsbPattern.CaseA, [6432, 6443, 6457, 6468, 6479, 6493, 6507, 6518, 6532, 6543]),
        (39, 15, SsbPattern.CaseA, [4707, 4715, 4718, 4729, 4732, 4743, 4747, 4754, 4761, 4768, 4772, 4782, 4786, 4793]),
        (46, 30, SsbPattern.CaseC, [8996, 9010, 9024, 9038, 9051, 9065, 9079, 9093, 9107, 9121, 9218, 9232, 9246, 9260, 9274, 9288, 9301, 9315, 9329, 9343, 9357, 9371, 9385, 9402, 9416, 9430, 9444, 9458, 9472, 9485, 9499, 9513]),
        (96, 30, SsbPattern.CaseC, [9548, 9562, 9576, 9590, 9603, 9617, 9631, 9645, 9659, 9673, 9687, 9701, 9714, 9728, 9742, 9756, 9770, 9784, 9798, 9812, 9826, 9840, 9853, 9867, 9881, 9895, 9909, 9923, 9937, 9951, 9964, 9978, 9992, 10006, 10020, 10034, 10048, 10062, 10076, 10090, 10103, 10117, 10131, 10145, 10159, 10173, 10187, 10201, 10214, 10228, 10242, 10256, 10270, 10284, 10298, 10312, 10325, 10339, 10353]),
        (102, 30, SsbPattern.CaseC, [9535, 9548, 9562, 9576, 9590, 9603, 9617, 9631, 9645, 9659, 9673, 9687, 9701, 9714, 9728, 9742, 9756, 9770, 9784, 9798, 9812, 9826, 9840, 9853, 9867]),
    ];
}

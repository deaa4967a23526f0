using System.Threading;
using LambdaBestPractices.Analyzers.Internals;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>The engine's own meter (for bench/): off, a scope measures nothing; on, nested steps are counted once.</summary>
[Collection(nameof(EngineMeterTests))]
public class EngineMeterTests
{
    [Fact]
    public void Off_MeasuresNothing_On_CountsNestedStepsOnce()
    {
        var ticks = EngineMeter.ThreadTicks;
        using (EngineMeter.Measure())
        {
            Thread.Sleep(5);
        }

        Assert.Equal(ticks, EngineMeter.ThreadTicks);

        EngineMeter.Enabled = true;
        try
        {
            long inner;
            using (EngineMeter.Measure())
            {
                using (EngineMeter.Measure())
                {
                    Thread.Sleep(5);
                }

                inner = EngineMeter.ThreadTicks;
                Thread.Sleep(5);
            }

            // The inner step added nothing on its own; the outer one counted both sleeps.
            Assert.Equal(ticks, inner);
            Assert.True(EngineMeter.ThreadTicks - ticks >= System.Diagnostics.Stopwatch.Frequency / 200);
        }
        finally
        {
            EngineMeter.Enabled = false;
        }
    }
}

using System;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using LambdaBestPractices.Analyzers.Internals;

namespace LambdaBestPractices.Analyzers.Tests.Model;

/// <summary>The engine's own meter (for bench/): off, a scope measures nothing; on, nested steps are counted once, to the outermost step.</summary>
[Collection(nameof(EngineMeterTests))]
public class EngineMeterTests
{
    [Fact]
    public void Off_MeasuresNothing_On_CountsNestedStepsOnce()
    {
        var ticks = EngineMeter.ThreadTicks;
        var (offCalls, _) = EngineMeter.StepCost(EngineStep.Prefilter);
        using (EngineMeter.Measure(EngineStep.Prefilter))
        {
            Thread.Sleep(5);
        }

        Assert.Equal(ticks, EngineMeter.ThreadTicks);
        Assert.Equal(offCalls, EngineMeter.StepCost(EngineStep.Prefilter).Calls);

        EngineMeter.Enabled = true;
        try
        {
            long inner;
            var (outerCalls, outerTicks) = EngineMeter.StepCost(EngineStep.Prefilter);
            using (EngineMeter.Measure(EngineStep.Prefilter))
            {
                using (EngineMeter.Measure(EngineStep.BodyFacts))
                {
                    Thread.Sleep(5);
                }

                inner = EngineMeter.ThreadTicks;
                Thread.Sleep(5);
            }

            // The inner step added nothing on its own; the outer one counted both sleeps.
            Assert.Equal(ticks, inner);
            Assert.True(EngineMeter.ThreadTicks - ticks >= System.Diagnostics.Stopwatch.Frequency / 200);

            // The outer step's own record got the call and both sleeps (other tests may add to it meanwhile, never take away).
            var (calls, stepTicks) = EngineMeter.StepCost(EngineStep.Prefilter);
            Assert.True(calls >= outerCalls + 1);
            Assert.True(stepTicks - outerTicks >= System.Diagnostics.Stopwatch.Frequency / 200);
        }
        finally
        {
            EngineMeter.Enabled = false;
        }
    }

    [Fact]
    public void Charge_KeepsARulesOwnBytesByKindOfCallback_TheEnginesStepsLeftOut()
    {
        var previous = EngineMeter.AllocatedBytes;
        EngineMeter.AllocatedBytes = GC.GetAllocatedBytesForCurrentThread;
        EngineMeter.Enabled = true;
        try
        {
            var cost = new EngineMeter.RuleCost();
            EngineMeter.Charge(
                cost,
                static (CompilationAnalysisContext _, int size) =>
                {
                    GC.KeepAlive(new byte[size]);
                    using (EngineMeter.Measure(EngineStep.BodyFacts))
                    {
                        GC.KeepAlive(new byte[4 * size]);
                    }
                },
                default(CompilationAnalysisContext),
                100_000);

            Assert.Equal(1, cost.Calls);
            Assert.InRange(cost.Bytes, 100_000, 150_000);
            Assert.Equal(cost.Bytes, cost.BytesByPhase[(int)RulePhase.CompilationEnd]);
            Assert.Equal(0, cost.BytesByPhase[(int)RulePhase.Operation]);
            Assert.Equal(0, cost.BytesByPhase[(int)RulePhase.TypeEnd]);
        }
        finally
        {
            EngineMeter.Enabled = false;
            EngineMeter.AllocatedBytes = previous;
        }
    }
}

using Microsoft.EntityFrameworkCore;

namespace DxCollab.Surveys.Relay;

/// <summary>The relay's tables: host-level Surveys_National* (the national survey and its result, never tenant-owned)
/// and the tenant's received copy. Called from <see cref="Domain.SurveysModel"/>.</summary>
internal static class NationalSurveyModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<NationalSurvey>(e =>
        {
            e.ToTable("Surveys_NationalSurveys");
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Purpose).HasMaxLength(4000);
            e.Property(x => x.IssuedBy).HasMaxLength(256);
            e.Ignore(x => x.Form);
        });
        b.Entity<NationalSurveyResult>(e =>
        {
            e.ToTable("Surveys_NationalResults");
            e.Property(x => x.PrefectureId).HasMaxLength(32);
            e.Property(x => x.RespondentCode).HasMaxLength(20);
            e.Property(x => x.RespondentName).HasMaxLength(100);
            e.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(x => new { x.NationalSurveyId, x.PrefectureId, x.RespondentCode }).IsUnique();
            e.HasOne<NationalSurvey>().WithMany().HasForeignKey(x => x.NationalSurveyId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<NationalSurveyChange>(e =>
        {
            e.ToTable("Surveys_NationalChanges");
            e.Property(x => x.PrefectureId).HasMaxLength(32);
            e.Property(x => x.RespondentCode).HasMaxLength(20);
            e.Property(x => x.RespondentName).HasMaxLength(100);
            e.Property(x => x.QuestionKey).HasMaxLength(100);
            e.Property(x => x.Before).HasMaxLength(4000);
            e.Property(x => x.After).HasMaxLength(4000);
            e.HasIndex(x => new { x.NationalSurveyId, x.ChangedAt });
            e.HasOne<NationalSurvey>().WithMany().HasForeignKey(x => x.NationalSurveyId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<ReceivedNationalSurvey>(e =>
        {
            e.ToTable("Surveys_NationalReceived");
            e.Property(x => x.Title).HasMaxLength(200);
            e.Property(x => x.Purpose).HasMaxLength(4000);
            e.Property(x => x.RelayedBy).HasMaxLength(256);
            e.Property(x => x.FinalizedBy).HasMaxLength(256);
            e.HasIndex(x => x.NationalSurveyId).IsUnique();
            // Two staff relaying at once: the second update finds RelayedSurveyId already set and fails (409), so a
            // national survey is relayed once.
            e.Property(x => x.RelayedSurveyId).IsConcurrencyToken();
        });
    }
}

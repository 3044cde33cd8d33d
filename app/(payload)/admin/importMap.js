import { WorkbenchLinks as WorkbenchLinks_9feb625603a0e6d3863c8c06d43c06e3 } from '../../../collections/admin/WorkbenchLinks'
import { StandardsPanel as StandardsPanel_b445da9db5a4e568caaca68603f3330a } from '../../../collections/admin/StandardsPanel'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StartExperiment as StartExperiment_3cbbeec3bd7b640f5b3aafae86c999c9 } from '../../../collections/personalization/experiments/StartExperiment'
import { SurveyDashboard as SurveyDashboard_a4432aca72d2b9751a4bc6fb40f842a8 } from '../../../collections/personalization/questions/SurveyDashboard'
import { CxBoard as CxBoard_3825f66a2ed498fb79d2f0d017e6ca2a } from '../../../collections/personalization/questions/CxBoard'
import { ExperimentResults as ExperimentResults_e8759ba061ac84df5fea6911a5bc444a } from '../../../collections/personalization/experiments/ExperimentResults'
import { ApiKeySecretField as ApiKeySecretField_5bde122eaa8511f937954228018f7d93 } from '../../../collections/settings/api-keys/ApiKeySecretField'
import { SameOriginCodeField as SameOriginCodeField_4ba45b8c7572190f0a642d473808f0fd } from '../../../collections/admin/codeEditor/SameOriginCodeField'
import { ProfileAnswers as ProfileAnswers_a31e1b9d29c1d2121f313ea89abb6f7f } from '../../../collections/customers/profiles/ProfileAnswers'
import { ProfileInsight as ProfileInsight_df1f15bca1bb692a51d2d89a00921760 } from '../../../collections/customers/profiles/ProfileInsight'
import { ProfileActions as ProfileActions_520e4c212f4af177852b6535e20078a4 } from '../../../collections/customers/profiles/ProfileActions'
import { ReplayButton as ReplayButton_8973e5aee37193e873368eb83a9b111c } from '../../../collections/sharing/webhook-deliveries/ReplayButton'
import { WorkbenchNavLinks as WorkbenchNavLinks_2cca7577eaa11d03e23d07f123d46d48 } from '../../../collections/admin/WorkbenchNavLinks'
import { CxDashboard as CxDashboard_a786ada9e911d0418d1691114e1a3618 } from '../../../collections/admin/dashboard/CxDashboard'
import { StandardsReportView as StandardsReportView_cca28dcc36a7203d5fa028f1c91defe5 } from '../../../collections/admin/StandardsReportView'
import { CoverageView as CoverageView_f11cfbce47cf127b8bd14bbdac215664 } from '../../../collections/admin/CoverageView'
import { PreviewView as PreviewView_0a5261e688be5d351457ab14f1ec2c8b } from '../../../collections/admin/PreviewView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/collections/admin/WorkbenchLinks#WorkbenchLinks": WorkbenchLinks_9feb625603a0e6d3863c8c06d43c06e3,
  "/collections/admin/StandardsPanel#StandardsPanel": StandardsPanel_b445da9db5a4e568caaca68603f3330a,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/collections/personalization/experiments/StartExperiment#StartExperiment": StartExperiment_3cbbeec3bd7b640f5b3aafae86c999c9,
  "/collections/personalization/questions/SurveyDashboard#SurveyDashboard": SurveyDashboard_a4432aca72d2b9751a4bc6fb40f842a8,
  "/collections/personalization/questions/CxBoard#CxBoard": CxBoard_3825f66a2ed498fb79d2f0d017e6ca2a,
  "/collections/personalization/experiments/ExperimentResults#ExperimentResults": ExperimentResults_e8759ba061ac84df5fea6911a5bc444a,
  "/collections/settings/api-keys/ApiKeySecretField#ApiKeySecretField": ApiKeySecretField_5bde122eaa8511f937954228018f7d93,
  "/collections/admin/codeEditor/SameOriginCodeField#SameOriginCodeField": SameOriginCodeField_4ba45b8c7572190f0a642d473808f0fd,
  "/collections/customers/profiles/ProfileAnswers#ProfileAnswers": ProfileAnswers_a31e1b9d29c1d2121f313ea89abb6f7f,
  "/collections/customers/profiles/ProfileInsight#ProfileInsight": ProfileInsight_df1f15bca1bb692a51d2d89a00921760,
  "/collections/customers/profiles/ProfileActions#ProfileActions": ProfileActions_520e4c212f4af177852b6535e20078a4,
  "/collections/sharing/webhook-deliveries/ReplayButton#ReplayButton": ReplayButton_8973e5aee37193e873368eb83a9b111c,
  "/collections/admin/WorkbenchNavLinks#WorkbenchNavLinks": WorkbenchNavLinks_2cca7577eaa11d03e23d07f123d46d48,
  "/collections/admin/dashboard/CxDashboard#CxDashboard": CxDashboard_a786ada9e911d0418d1691114e1a3618,
  "/collections/admin/StandardsReportView#StandardsReportView": StandardsReportView_cca28dcc36a7203d5fa028f1c91defe5,
  "/collections/admin/CoverageView#CoverageView": CoverageView_f11cfbce47cf127b8bd14bbdac215664,
  "/collections/admin/PreviewView#PreviewView": PreviewView_0a5261e688be5d351457ab14f1ec2c8b,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}

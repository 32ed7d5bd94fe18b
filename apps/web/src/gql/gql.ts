/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      roles\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Logout($input: LogoutInput!) {\n    logout(input: $input) {\n      ok\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      user {\n        id\n        name\n        roles\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RegisterTrainee($input: RegisterTraineeInput!) {\n    registerTrainee(input: $input) {\n      token\n      user {\n        id\n        name\n        roles\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.RegisterTraineeDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query AuditEntries($first: Int, $after: String, $filter: AuditEntryFilter) {\n    auditEntries(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...AuditEntryFields\n        }\n      }\n    }\n  }\n": typeof types.AuditEntriesDocument,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    action\n    actorLabel\n    actor {\n      id\n      name\n    }\n    subjectType\n    subjectId\n    details\n    requestId\n    createdAt\n  }\n": typeof types.AuditEntryFieldsFragmentDoc,
    "\n  query AuditActorOptions($search: String) {\n    users(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          name\n          phone\n        }\n      }\n    }\n  }\n": typeof types.AuditActorOptionsDocument,
    "\n  query EnterpriseOptions($search: String) {\n    enterprises(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          name\n          town\n        }\n      }\n    }\n  }\n": typeof types.EnterpriseOptionsDocument,
    "\n  fragment EnterpriseFields on Enterprise {\n    id\n    name\n    creditCode\n    industry\n    town\n    size\n    foundedYear\n    listed\n    stockCode\n    honors {\n      id\n      kind\n      level\n      year\n      certificateNumber\n      validUntil\n    }\n    socialResponsibilityRecords {\n      id\n      programme\n      year\n      amountYuan\n      description\n    }\n  }\n": typeof types.EnterpriseFieldsFragmentDoc,
    "\n  query Enterprises($first: Int, $after: String, $filter: EnterpriseFilter) {\n    enterprises(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...EnterpriseFields\n        }\n      }\n    }\n  }\n": typeof types.EnterprisesDocument,
    "\n  mutation CreateEnterprise($input: CreateEnterpriseInput!) {\n    createEnterprise(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateEnterpriseDocument,
    "\n  mutation UpdateEnterprise($input: UpdateEnterpriseInput!) {\n    updateEnterprise(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateEnterpriseDocument,
    "\n  mutation AddEnterpriseHonor($input: AddEnterpriseHonorInput!) {\n    addEnterpriseHonor(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.AddEnterpriseHonorDocument,
    "\n  mutation RemoveEnterpriseHonor($input: RemoveEnterpriseHonorInput!) {\n    removeEnterpriseHonor(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.RemoveEnterpriseHonorDocument,
    "\n  mutation AddSocialResponsibilityRecord($input: AddSocialResponsibilityRecordInput!) {\n    addSocialResponsibilityRecord(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.AddSocialResponsibilityRecordDocument,
    "\n  mutation RemoveSocialResponsibilityRecord($input: RemoveSocialResponsibilityRecordInput!) {\n    removeSocialResponsibilityRecord(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.RemoveSocialResponsibilityRecordDocument,
    "\n  query MyProfile {\n    me {\n      id\n      phone\n      trainee {\n        ...MyTraineeFields\n      }\n    }\n  }\n": typeof types.MyProfileDocument,
    "\n  fragment MyTraineeFields on Trainee {\n    id\n    name\n    gender\n    position\n    idCardNumber\n    enterprise {\n      id\n      name\n    }\n  }\n": typeof types.MyTraineeFieldsFragmentDoc,
    "\n  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      trainee {\n        ...MyTraineeFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateMyProfileDocument,
    "\n  query MyWholeIdCard {\n    me {\n      id\n      trainee {\n        id\n        wholeIdCardNumber: idCardNumber(unmasked: true)\n      }\n    }\n  }\n": typeof types.MyWholeIdCardDocument,
    "\n  fragment TraineeFields on Trainee {\n    id\n    name\n    gender\n    phone\n    position\n    idCardNumber\n    createdAt\n    enterprise {\n      id\n      name\n    }\n  }\n": typeof types.TraineeFieldsFragmentDoc,
    "\n  query Trainees($first: Int, $after: String, $filter: TraineeFilter) {\n    trainees(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...TraineeFields\n        }\n      }\n    }\n  }\n": typeof types.TraineesDocument,
    "\n  query TraineeIdCard($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Trainee {\n        idCardNumber(unmasked: true)\n      }\n    }\n  }\n": typeof types.TraineeIdCardDocument,
    "\n  mutation CreateTrainee($input: CreateTraineeInput!) {\n    createTrainee(input: $input) {\n      trainee {\n        ...TraineeFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateTraineeDocument,
    "\n  mutation UpdateTrainee($input: UpdateTraineeInput!) {\n    updateTrainee(input: $input) {\n      trainee {\n        ...TraineeFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.UpdateTraineeDocument,
    "\n  fragment UserFields on User {\n    id\n    name\n    phone\n    roles\n    active\n    createdAt\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  query Users($first: Int, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...UserFields\n        }\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...UserFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation SetUserRoles($input: SetUserRolesInput!) {\n    setUserRoles(input: $input) {\n      user {\n        ...UserFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.SetUserRolesDocument,
    "\n  mutation SetUserActive($input: SetUserActiveInput!) {\n    setUserActive(input: $input) {\n      user {\n        ...UserFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": typeof types.SetUserActiveDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      name\n      roles\n    }\n  }\n": types.MeDocument,
    "\n  mutation Logout($input: LogoutInput!) {\n    logout(input: $input) {\n      ok\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.LogoutDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      user {\n        id\n        name\n        roles\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RegisterTrainee($input: RegisterTraineeInput!) {\n    registerTrainee(input: $input) {\n      token\n      user {\n        id\n        name\n        roles\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.RegisterTraineeDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.ChangePasswordDocument,
    "\n  query AuditEntries($first: Int, $after: String, $filter: AuditEntryFilter) {\n    auditEntries(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...AuditEntryFields\n        }\n      }\n    }\n  }\n": types.AuditEntriesDocument,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    action\n    actorLabel\n    actor {\n      id\n      name\n    }\n    subjectType\n    subjectId\n    details\n    requestId\n    createdAt\n  }\n": types.AuditEntryFieldsFragmentDoc,
    "\n  query AuditActorOptions($search: String) {\n    users(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          name\n          phone\n        }\n      }\n    }\n  }\n": types.AuditActorOptionsDocument,
    "\n  query EnterpriseOptions($search: String) {\n    enterprises(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          name\n          town\n        }\n      }\n    }\n  }\n": types.EnterpriseOptionsDocument,
    "\n  fragment EnterpriseFields on Enterprise {\n    id\n    name\n    creditCode\n    industry\n    town\n    size\n    foundedYear\n    listed\n    stockCode\n    honors {\n      id\n      kind\n      level\n      year\n      certificateNumber\n      validUntil\n    }\n    socialResponsibilityRecords {\n      id\n      programme\n      year\n      amountYuan\n      description\n    }\n  }\n": types.EnterpriseFieldsFragmentDoc,
    "\n  query Enterprises($first: Int, $after: String, $filter: EnterpriseFilter) {\n    enterprises(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...EnterpriseFields\n        }\n      }\n    }\n  }\n": types.EnterprisesDocument,
    "\n  mutation CreateEnterprise($input: CreateEnterpriseInput!) {\n    createEnterprise(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CreateEnterpriseDocument,
    "\n  mutation UpdateEnterprise($input: UpdateEnterpriseInput!) {\n    updateEnterprise(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.UpdateEnterpriseDocument,
    "\n  mutation AddEnterpriseHonor($input: AddEnterpriseHonorInput!) {\n    addEnterpriseHonor(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.AddEnterpriseHonorDocument,
    "\n  mutation RemoveEnterpriseHonor($input: RemoveEnterpriseHonorInput!) {\n    removeEnterpriseHonor(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.RemoveEnterpriseHonorDocument,
    "\n  mutation AddSocialResponsibilityRecord($input: AddSocialResponsibilityRecordInput!) {\n    addSocialResponsibilityRecord(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.AddSocialResponsibilityRecordDocument,
    "\n  mutation RemoveSocialResponsibilityRecord($input: RemoveSocialResponsibilityRecordInput!) {\n    removeSocialResponsibilityRecord(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.RemoveSocialResponsibilityRecordDocument,
    "\n  query MyProfile {\n    me {\n      id\n      phone\n      trainee {\n        ...MyTraineeFields\n      }\n    }\n  }\n": types.MyProfileDocument,
    "\n  fragment MyTraineeFields on Trainee {\n    id\n    name\n    gender\n    position\n    idCardNumber\n    enterprise {\n      id\n      name\n    }\n  }\n": types.MyTraineeFieldsFragmentDoc,
    "\n  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      trainee {\n        ...MyTraineeFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.UpdateMyProfileDocument,
    "\n  query MyWholeIdCard {\n    me {\n      id\n      trainee {\n        id\n        wholeIdCardNumber: idCardNumber(unmasked: true)\n      }\n    }\n  }\n": types.MyWholeIdCardDocument,
    "\n  fragment TraineeFields on Trainee {\n    id\n    name\n    gender\n    phone\n    position\n    idCardNumber\n    createdAt\n    enterprise {\n      id\n      name\n    }\n  }\n": types.TraineeFieldsFragmentDoc,
    "\n  query Trainees($first: Int, $after: String, $filter: TraineeFilter) {\n    trainees(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...TraineeFields\n        }\n      }\n    }\n  }\n": types.TraineesDocument,
    "\n  query TraineeIdCard($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Trainee {\n        idCardNumber(unmasked: true)\n      }\n    }\n  }\n": types.TraineeIdCardDocument,
    "\n  mutation CreateTrainee($input: CreateTraineeInput!) {\n    createTrainee(input: $input) {\n      trainee {\n        ...TraineeFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CreateTraineeDocument,
    "\n  mutation UpdateTrainee($input: UpdateTraineeInput!) {\n    updateTrainee(input: $input) {\n      trainee {\n        ...TraineeFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.UpdateTraineeDocument,
    "\n  fragment UserFields on User {\n    id\n    name\n    phone\n    roles\n    active\n    createdAt\n  }\n": types.UserFieldsFragmentDoc,
    "\n  query Users($first: Int, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...UserFields\n        }\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...UserFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation SetUserRoles($input: SetUserRolesInput!) {\n    setUserRoles(input: $input) {\n      user {\n        ...UserFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.SetUserRolesDocument,
    "\n  mutation SetUserActive($input: SetUserActiveInput!) {\n    setUserActive(input: $input) {\n      user {\n        ...UserFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n": types.SetUserActiveDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      name\n      roles\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      name\n      roles\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($input: LogoutInput!) {\n    logout(input: $input) {\n      ok\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Logout($input: LogoutInput!) {\n    logout(input: $input) {\n      ok\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      user {\n        id\n        name\n        roles\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      token\n      user {\n        id\n        name\n        roles\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterTrainee($input: RegisterTraineeInput!) {\n    registerTrainee(input: $input) {\n      token\n      user {\n        id\n        name\n        roles\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterTrainee($input: RegisterTraineeInput!) {\n    registerTrainee(input: $input) {\n      token\n      user {\n        id\n        name\n        roles\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEntries($first: Int, $after: String, $filter: AuditEntryFilter) {\n    auditEntries(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...AuditEntryFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEntries($first: Int, $after: String, $filter: AuditEntryFilter) {\n    auditEntries(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...AuditEntryFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    action\n    actorLabel\n    actor {\n      id\n      name\n    }\n    subjectType\n    subjectId\n    details\n    requestId\n    createdAt\n  }\n"): (typeof documents)["\n  fragment AuditEntryFields on AuditEntry {\n    id\n    action\n    actorLabel\n    actor {\n      id\n      name\n    }\n    subjectType\n    subjectId\n    details\n    requestId\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActorOptions($search: String) {\n    users(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          name\n          phone\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditActorOptions($search: String) {\n    users(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          name\n          phone\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EnterpriseOptions($search: String) {\n    enterprises(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          name\n          town\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EnterpriseOptions($search: String) {\n    enterprises(first: 20, filter: { search: $search }) {\n      edges {\n        node {\n          id\n          name\n          town\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EnterpriseFields on Enterprise {\n    id\n    name\n    creditCode\n    industry\n    town\n    size\n    foundedYear\n    listed\n    stockCode\n    honors {\n      id\n      kind\n      level\n      year\n      certificateNumber\n      validUntil\n    }\n    socialResponsibilityRecords {\n      id\n      programme\n      year\n      amountYuan\n      description\n    }\n  }\n"): (typeof documents)["\n  fragment EnterpriseFields on Enterprise {\n    id\n    name\n    creditCode\n    industry\n    town\n    size\n    foundedYear\n    listed\n    stockCode\n    honors {\n      id\n      kind\n      level\n      year\n      certificateNumber\n      validUntil\n    }\n    socialResponsibilityRecords {\n      id\n      programme\n      year\n      amountYuan\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Enterprises($first: Int, $after: String, $filter: EnterpriseFilter) {\n    enterprises(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...EnterpriseFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Enterprises($first: Int, $after: String, $filter: EnterpriseFilter) {\n    enterprises(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...EnterpriseFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateEnterprise($input: CreateEnterpriseInput!) {\n    createEnterprise(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateEnterprise($input: CreateEnterpriseInput!) {\n    createEnterprise(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateEnterprise($input: UpdateEnterpriseInput!) {\n    updateEnterprise(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateEnterprise($input: UpdateEnterpriseInput!) {\n    updateEnterprise(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddEnterpriseHonor($input: AddEnterpriseHonorInput!) {\n    addEnterpriseHonor(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddEnterpriseHonor($input: AddEnterpriseHonorInput!) {\n    addEnterpriseHonor(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveEnterpriseHonor($input: RemoveEnterpriseHonorInput!) {\n    removeEnterpriseHonor(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveEnterpriseHonor($input: RemoveEnterpriseHonorInput!) {\n    removeEnterpriseHonor(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddSocialResponsibilityRecord($input: AddSocialResponsibilityRecordInput!) {\n    addSocialResponsibilityRecord(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddSocialResponsibilityRecord($input: AddSocialResponsibilityRecordInput!) {\n    addSocialResponsibilityRecord(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveSocialResponsibilityRecord($input: RemoveSocialResponsibilityRecordInput!) {\n    removeSocialResponsibilityRecord(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveSocialResponsibilityRecord($input: RemoveSocialResponsibilityRecordInput!) {\n    removeSocialResponsibilityRecord(input: $input) {\n      enterprise {\n        ...EnterpriseFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyProfile {\n    me {\n      id\n      phone\n      trainee {\n        ...MyTraineeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyProfile {\n    me {\n      id\n      phone\n      trainee {\n        ...MyTraineeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MyTraineeFields on Trainee {\n    id\n    name\n    gender\n    position\n    idCardNumber\n    enterprise {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment MyTraineeFields on Trainee {\n    id\n    name\n    gender\n    position\n    idCardNumber\n    enterprise {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      trainee {\n        ...MyTraineeFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMyProfile($input: UpdateMyProfileInput!) {\n    updateMyProfile(input: $input) {\n      trainee {\n        ...MyTraineeFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyWholeIdCard {\n    me {\n      id\n      trainee {\n        id\n        wholeIdCardNumber: idCardNumber(unmasked: true)\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyWholeIdCard {\n    me {\n      id\n      trainee {\n        id\n        wholeIdCardNumber: idCardNumber(unmasked: true)\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TraineeFields on Trainee {\n    id\n    name\n    gender\n    phone\n    position\n    idCardNumber\n    createdAt\n    enterprise {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment TraineeFields on Trainee {\n    id\n    name\n    gender\n    phone\n    position\n    idCardNumber\n    createdAt\n    enterprise {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trainees($first: Int, $after: String, $filter: TraineeFilter) {\n    trainees(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...TraineeFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Trainees($first: Int, $after: String, $filter: TraineeFilter) {\n    trainees(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...TraineeFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TraineeIdCard($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Trainee {\n        idCardNumber(unmasked: true)\n      }\n    }\n  }\n"): (typeof documents)["\n  query TraineeIdCard($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Trainee {\n        idCardNumber(unmasked: true)\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTrainee($input: CreateTraineeInput!) {\n    createTrainee(input: $input) {\n      trainee {\n        ...TraineeFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTrainee($input: CreateTraineeInput!) {\n    createTrainee(input: $input) {\n      trainee {\n        ...TraineeFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTrainee($input: UpdateTraineeInput!) {\n    updateTrainee(input: $input) {\n      trainee {\n        ...TraineeFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTrainee($input: UpdateTraineeInput!) {\n    updateTrainee(input: $input) {\n      trainee {\n        ...TraineeFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    name\n    phone\n    roles\n    active\n    createdAt\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    name\n    phone\n    roles\n    active\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($first: Int, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...UserFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($first: Int, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...UserFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...UserFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      user {\n        ...UserFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserRoles($input: SetUserRolesInput!) {\n    setUserRoles(input: $input) {\n      user {\n        ...UserFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserRoles($input: SetUserRolesInput!) {\n    setUserRoles(input: $input) {\n      user {\n        ...UserFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserActive($input: SetUserActiveInput!) {\n    setUserActive(input: $input) {\n      user {\n        ...UserFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetUserActive($input: SetUserActiveInput!) {\n    setUserActive(input: $input) {\n      user {\n        ...UserFields\n      }\n      userErrors {\n        code\n        field\n        message\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
/** The trade's terms live in the domain, where the exports read them too; the console's catalogues import them here. */
export { GLOSSARY, capital, enTerm, zhTerm, type GlossaryKey, type GlossaryTerm } from '@unblock/domain';

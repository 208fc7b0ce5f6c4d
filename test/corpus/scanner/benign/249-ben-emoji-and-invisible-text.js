// Emoji keep their variation selectors, joiners and flag tags; short invisible runs are formatting.
// pi-expect: clean
export const reactions = ["❤️", "👨‍👩‍👧‍👦", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "👍🏽"];
// pi-expect: clean
export const stripInvisible = (s) => s.replace(/[​‌‍﻿]/g, "");
// pi-expect: clean
export const hyphenated = "Donau­dampf­schiff­fahrt";
// pi-expect: clean
export const greetings = { fa: "می‌خواهم", he: "שלום‏!", icon: "" };
// pi-expect: clean
export const rtlOverride = "\u202E"; // written as an escape: reviewers see it
